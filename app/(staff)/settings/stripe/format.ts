// Times on the Stripe tab: date and time to the minute, in the server's zone.
const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}
