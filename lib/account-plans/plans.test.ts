import { describe, expect, it } from "vitest";
import { effectivePlan, trialState } from "./effective-plan";
import { planChangeDue, prorationAmounts } from "./proration";

const DAY = 86_400;

describe("prorationAmounts", () => {
  it("credits the unused old price and charges the new one for the same span", () => {
    const period = { start: 0, end: 30 * DAY };
    expect(prorationAmounts(3900, 6900, period, 10 * DAY)).toEqual({ credit: -2600, debit: 4600, due: 2000 });
    expect(prorationAmounts(3900, 6900, period, 0).due).toBe(3000);
    expect(prorationAmounts(3900, 6900, period, 30 * DAY).due).toBe(0);
    // Each side is rounded on its own, as Stripe does: 3900 × 1/3 and 6900 × 1/3.
    expect(planChangeDue("pro", "ultimate", "month", { start: 0, end: 3 * DAY }, 2 * DAY)).toBe(Math.round(6900 / 3) - Math.round(3900 / 3));
  });

  it("refuses a date outside the period", () => {
    expect(() => prorationAmounts(1, 2, { start: 10, end: 20 }, 9)).toThrow(RangeError);
    expect(() => prorationAmounts(1, 2, { start: 10, end: 10 }, 10)).toThrow(RangeError);
  });
});

describe("effectivePlan", () => {
  const now = new Date("2027-03-01T00:00:00Z");
  const base = { trialEndsAt: null, stripeSubscriptionId: null, subscriptionStatus: null, pendingPlan: null, pendingPlanAt: null };

  it("keeps the stored plan for a dojo without billing facts (seeded, paid elsewhere)", () => {
    expect(effectivePlan("ultimate", null, now)).toBe("ultimate");
    expect(effectivePlan("pro", base, now)).toBe("pro");
  });

  it("trial: Ultimate until it ends, Basic after it when no plan was chosen", () => {
    const trial = { ...base, trialEndsAt: new Date("2027-03-05T00:00:00Z") };
    expect(effectivePlan("ultimate", trial, now)).toBe("ultimate");
    expect(trialState(trial, now)).toEqual({ kind: "trial", endsAt: trial.trialEndsAt, daysLeft: 4 });
    const over = { ...base, trialEndsAt: new Date("2027-02-28T00:00:00Z") };
    expect(effectivePlan("ultimate", over, now)).toBe("basic");
    expect(trialState(over, now).kind).toBe("expired");
    expect(effectivePlan("pro", { ...over, stripeSubscriptionId: "sub_1", subscriptionStatus: "active" }, now)).toBe("pro");
  });

  it("a plan chosen during the trial: Ultimate until the trial's end, the chosen plan from then on", () => {
    const endsAt = new Date("2027-03-12T00:00:00Z");
    const chosen = { ...base, trialEndsAt: endsAt, stripeSubscriptionId: "sub_1", subscriptionStatus: "trialing", pendingPlan: "basic" as const, pendingPlanAt: endsAt };
    expect(effectivePlan("ultimate", chosen, now)).toBe("ultimate");
    expect(trialState(chosen, now)).toEqual({ kind: "scheduled", endsAt, daysLeft: 11, plan: "basic" });
    const day14 = new Date("2027-03-12T00:00:01Z");
    expect(effectivePlan("ultimate", chosen, day14)).toBe("basic");
    expect(trialState({ ...chosen, subscriptionStatus: "active", pendingPlan: null, pendingPlanAt: null }, day14).kind).toBe("none");
  });

  it("a due downgrade applies even before its webhook; an ended subscription means Basic", () => {
    const paying = { ...base, stripeSubscriptionId: "sub_1", subscriptionStatus: "active" };
    expect(effectivePlan("ultimate", { ...paying, pendingPlan: "pro", pendingPlanAt: new Date("2027-03-02T00:00:00Z") }, now)).toBe("ultimate");
    expect(effectivePlan("ultimate", { ...paying, pendingPlan: "pro", pendingPlanAt: new Date("2027-03-01T00:00:00Z") }, now)).toBe("pro");
    expect(effectivePlan("ultimate", { ...paying, subscriptionStatus: "canceled" }, now)).toBe("basic");
  });
});
