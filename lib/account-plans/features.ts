import type { BillingInterval, Plan } from "@/db/schema";

// The one place that says what each account plan includes. Server-side checks read it
// (lib/action.ts, page guards); the UI reads it only to show upgrade prompts.
export const PLAN_FEATURES = {
  basic: {
    stripePayments: false,
    webshopCardPayments: false,
    subscriptions: false,
    emailCampaigns: false,
    monthlyEmailVolume: 0,
    staffUsers: 2,
  },
  pro: {
    stripePayments: false,
    webshopCardPayments: false,
    subscriptions: false,
    emailCampaigns: true,
    monthlyEmailVolume: 2_000,
    staffUsers: 5,
  },
  ultimate: {
    stripePayments: true,
    webshopCardPayments: true,
    subscriptions: true,
    emailCampaigns: true,
    monthlyEmailVolume: 20_000,
    staffUsers: 25,
  },
} as const satisfies Record<Plan, Record<string, boolean | number>>;

export const PLAN_NAMES: Record<Plan, string> = { basic: "Basic", pro: "Pro", ultimate: "Ultimate" };

/** What Tatami charges, in euro cents (integer minor units). */
export const PLAN_CURRENCY = "EUR";
export const PLAN_PRICES = {
  basic: { month: 1_900, year: 19_000 },
  pro: { month: 3_900, year: 39_000 },
  ultimate: { month: 6_900, year: 69_000 },
} as const satisfies Record<Plan, Record<BillingInterval, number>>;

export const PLANS: readonly Plan[] = ["basic", "pro", "ultimate"];

/** Positive when `to` is a bigger plan than `from`. */
export function comparePlans(from: Plan, to: Plan): number {
  return PLANS.indexOf(to) - PLANS.indexOf(from);
}

type Features = (typeof PLAN_FEATURES)["basic"];
export type Feature = { [K in keyof Features]: Features[K] extends boolean ? K : never }[keyof Features];
export type Limit = { [K in keyof Features]: Features[K] extends number ? K : never }[keyof Features];

export const FEATURE_LABELS: Record<Feature, string> = {
  stripePayments: "Card payments with Stripe",
  webshopCardPayments: "Card payments in the webshop",
  subscriptions: "Recurring payments (subscriptions)",
  emailCampaigns: "E-mail campaigns",
};

export function hasFeature(plan: Plan, feature: Feature): boolean {
  return PLAN_FEATURES[plan][feature];
}

export function planLimit(plan: Plan, limit: Limit): number {
  return PLAN_FEATURES[plan][limit];
}

/** The cheapest plan that includes a feature, for upgrade prompts. */
export function lowestPlanWith(feature: Feature): Plan {
  return (Object.keys(PLAN_FEATURES) as Plan[]).find((p) => PLAN_FEATURES[p][feature]) ?? "ultimate";
}
