import type Stripe from "stripe";
import type { Account } from "../accounts";
import { nowSeconds } from "../ids";

export type Interval = Stripe.Price.Recurring.Interval;

/**
 * "Now" for a customer: the frozen time of its test clock, or the wall clock. Everything billing
 * stamps (created, periods, events) for a clock's customers lives on the clock's time line.
 */
export function billingNow(account: Account, customerId: string): number {
  const customer = account.get<Stripe.Customer>(customerId, "customer");
  const clockId = typeof customer?.test_clock === "string" ? customer.test_clock : customer?.test_clock?.id;
  const clock = clockId ? account.get<Stripe.TestHelpers.TestClock>(clockId, "test_helpers.test_clock") : undefined;
  return clock?.frozen_time ?? nowSeconds();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * `anchor` moved by `count` intervals. Months keep the anchor's day, clamped to the month's last
 * day (an anchor on the 31st bills on Feb 28/29, then on Mar 31 again), as Stripe does; computing
 * every period from the anchor keeps the clamping from drifting.
 */
export function addIntervals(anchor: number, interval: Interval, count: number): number {
  const date = new Date(anchor * 1000);
  switch (interval) {
    case "day":
      return anchor + count * 86_400;
    case "week":
      return anchor + count * 7 * 86_400;
    case "month":
    case "year": {
      const months = interval === "year" ? count * 12 : count;
      const total = date.getUTCMonth() + months;
      const year = date.getUTCFullYear() + Math.floor(total / 12);
      const month = ((total % 12) + 12) % 12;
      const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
      return (
        Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()) / 1000
      );
    }
    default:
      throw new Error(`Unknown interval ${String(interval)}`);
  }
}

/** `15 Jan 2026`, the way Stripe dates proration descriptions and invoice pages. */
export function formatDay(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
