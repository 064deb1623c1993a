// Stripe's recurring intervals, as keys of staff.members.interval ("per month", "every 3 months").
type StripeInterval = "day" | "week" | "month" | "year";

/** The message key for a plan's interval: `t(intervalKey(plan.interval), { count: plan.intervalCount })`. */
export const intervalKey = (interval: string) => `interval.${interval as StripeInterval}` as const;
