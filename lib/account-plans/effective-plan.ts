import type { Dojo, DojoBilling, Plan } from "@/db/schema";

export type BillingFacts = Pick<DojoBilling, "trialEndsAt" | "stripeSubscriptionId" | "subscriptionStatus" | "pendingPlan" | "pendingPlanAt">;

const ENDED = new Set(["canceled", "incomplete_expired", "incomplete"]);

/**
 * The plan in force: the stored plan, except that a trial over without a subscription (or a
 * subscription that ended) falls back to Basic, and a downgrade applies once its date has come
 * even if the webhook saying so is late. Nothing is ever deleted; features just lock.
 */
export function effectivePlan(plan: Plan, billing: BillingFacts | null | undefined, now = new Date()): Plan {
  if (!billing) return plan;
  const subscribed = billing.stripeSubscriptionId && !ENDED.has(billing.subscriptionStatus ?? "");
  if (!subscribed) {
    if (billing.trialEndsAt && billing.trialEndsAt > now) return plan;
    return billing.trialEndsAt || billing.stripeSubscriptionId ? "basic" : plan;
  }
  if (billing.pendingPlan && billing.pendingPlanAt && billing.pendingPlanAt <= now) return billing.pendingPlan;
  return plan;
}

/** The dojo as the rest of the app sees it: `plan` is the plan in force. */
export function withEffectivePlan<D extends Pick<Dojo, "plan">>(dojo: D, billing: BillingFacts | null | undefined, now = new Date()): D {
  const plan = effectivePlan(dojo.plan, billing, now);
  return plan === dojo.plan ? dojo : { ...dojo, plan };
}

export type TrialState =
  | { kind: "none" }
  | { kind: "trial"; endsAt: Date; daysLeft: number }
  /** A plan was chosen during the trial: it starts (and is first charged) when the trial ends. */
  | { kind: "scheduled"; endsAt: Date; daysLeft: number; plan: Plan }
  | { kind: "expired"; endedAt: Date };

const daysUntil = (at: Date, now: Date) => Math.ceil((at.getTime() - now.getTime()) / 86_400_000);

/** Whether the dojo is in its free trial (with a plan chosen for its end or not), past it without a plan, or neither. */
export function trialState(billing: BillingFacts | null | undefined, now = new Date()): TrialState {
  if (billing?.subscriptionStatus === "trialing" && billing.pendingPlan && billing.pendingPlanAt && billing.pendingPlanAt > now) {
    return { kind: "scheduled", endsAt: billing.pendingPlanAt, daysLeft: daysUntil(billing.pendingPlanAt, now), plan: billing.pendingPlan };
  }
  if (!billing?.trialEndsAt || billing.stripeSubscriptionId) return { kind: "none" };
  if (billing.trialEndsAt <= now) return { kind: "expired", endedAt: billing.trialEndsAt };
  return { kind: "trial", endsAt: billing.trialEndsAt, daysLeft: daysUntil(billing.trialEndsAt, now) };
}
