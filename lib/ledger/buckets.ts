// Client-safe: the chart (a client component) and the page share these.

/** How long one bar of the ledger chart is. */
export type Bucket = "day" | "week" | "month" | "year";

