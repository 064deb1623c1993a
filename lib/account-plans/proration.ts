import type { BillingInterval, Plan } from "@/db/schema";
import { PLAN_PRICES } from "./features";

export interface Period {
  /** Unix seconds, as Stripe gives them. */
  start: number;
  end: number;
}

/**
 * Stripe's proration of a price change, by the second: the unused rest of the period on the
 * old price is credited and the same span on the new price charged, each
 * `amount × (end − date) / (end − start)` rounded to the unit, then added. Shown before the
 * upgrade and checked against what Stripe bills.
 */
export function prorationAmounts(oldAmount: number, newAmount: number, period: Period, prorationDate: number): { credit: number; debit: number; due: number } {
  if (period.end <= period.start) throw new RangeError("The period must end after it starts");
  if (prorationDate < period.start || prorationDate > period.end) throw new RangeError("The proration date must lie in the period");
  const fraction = (period.end - prorationDate) / (period.end - period.start);
  const credit = -Math.round(oldAmount * fraction);
  const debit = Math.round(newAmount * fraction);
  return { credit, debit, due: credit + debit };
}

/** The amount due now for moving from one plan to another on the same interval. */
export function planChangeDue(from: Plan, to: Plan, interval: BillingInterval, period: Period, prorationDate: number): number {
  return prorationAmounts(PLAN_PRICES[from][interval], PLAN_PRICES[to][interval], period, prorationDate).due;
}
