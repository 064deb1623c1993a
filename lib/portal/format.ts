// Calendar dates are stored as "YYYY-MM-DD"; shown as "12 Mar 2026" in UTC so the day never shifts.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(value: string | Date): string {
  return dateFormat.format(typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value);
}
