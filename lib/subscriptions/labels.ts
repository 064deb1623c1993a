import type { BadgeTone } from "@/components/ui/badge";

/** "per month", "every 3 months" */
export function intervalLabel(interval: string, count: number): string {
  return count === 1 ? `per ${interval}` : `every ${count} ${interval}s`;
}

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

export function subscriptionStatus(status: string, cancelAtPeriodEnd: boolean): { label: string; tone: BadgeTone } {
  if (status === "active" && cancelAtPeriodEnd) return { label: "Ends at period end", tone: "amber" };
  return STATUS[status] ?? { label: status, tone: "neutral" };
}
