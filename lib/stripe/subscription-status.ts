// Stripe subscription statuses that still bill the customer: an account plan in one of them is
// "subscribed", a member's subscription in one of them counts as running. Canceled, incomplete,
// unpaid and paused ones do not. Client-safe.
export const LIVE_SUBSCRIPTION_STATUSES = ["active", "trialing", "past_due"] as const;

export type LiveSubscriptionStatus = (typeof LIVE_SUBSCRIPTION_STATUSES)[number];

export function isLiveSubscription(status: string | null | undefined): status is LiveSubscriptionStatus {
  return (LIVE_SUBSCRIPTION_STATUSES as readonly string[]).includes(status ?? "");
}
