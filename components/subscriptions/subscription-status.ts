import type { BadgeTone } from "@/components/ui/badge";

export type SubscriptionStatusKey = "active" | "trialing" | "incomplete" | "past_due" | "unpaid" | "paused" | "canceled" | "incomplete_expired" | "endsAtPeriodEnd";

const STATUS: Record<string, { key: SubscriptionStatusKey; tone: BadgeTone }> = {
  active: { key: "active", tone: "green" },
  trialing: { key: "trialing", tone: "blue" },
  incomplete: { key: "incomplete", tone: "amber" },
  past_due: { key: "past_due", tone: "red" },
  unpaid: { key: "unpaid", tone: "red" },
  paused: { key: "paused", tone: "neutral" },
  canceled: { key: "canceled", tone: "neutral" },
  incomplete_expired: { key: "incomplete_expired", tone: "neutral" },
};

/**
 * How a member's subscription status reads on a badge (its key under components.subscription.status;
 * null for a status Stripe added since), for staff and in the members area. Paused collection keeps
 * Stripe's status (active), so it is told apart here.
 */
export function subscriptionStatus(status: string, cancelAtPeriodEnd: boolean, paused = false): { key: SubscriptionStatusKey | null; tone: BadgeTone } {
  if (paused && (status === "active" || status === "trialing" || status === "past_due")) return { key: "paused", tone: "blue" };
  if (status === "active" && cancelAtPeriodEnd) return { key: "endsAtPeriodEnd", tone: "amber" };
  return STATUS[status] ?? { key: null, tone: "neutral" };
}
