import type { BadgeTone } from "@/components/ui/badge";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "green" },
  trialing: { label: "Trial", tone: "blue" },
  incomplete: { label: "Waiting for payment", tone: "amber" },
  past_due: { label: "Payment failed", tone: "red" },
  unpaid: { label: "Unpaid", tone: "red" },
  paused: { label: "Paused", tone: "neutral" },
  canceled: { label: "Cancelled", tone: "neutral" },
  incomplete_expired: { label: "Expired", tone: "neutral" },
};

/** How a member's subscription status reads on a badge, for staff and in the members area. */
export function subscriptionStatus(status: string, cancelAtPeriodEnd: boolean): { label: string; tone: BadgeTone } {
  if (status === "active" && cancelAtPeriodEnd) return { label: "Ends at period end", tone: "amber" };
  return STATUS[status] ?? { label: status, tone: "neutral" };
}
