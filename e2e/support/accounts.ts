// Logins created by e2e/support/seed.ts (the Demo Dojo's come from db/seed.ts).
export const E2E = {
  owner: { email: "owner@demo-dojo.test", password: "demo-owner-password" },
  staff: { email: "staff@demo-dojo.test", password: "demo-staff-password" },
  memberPassword: "demo-member-password",
  proOwner: { email: "owner@pro-dojo.test", password: "pro-owner-password" },
  // Locked out on purpose by e2e/security.spec.ts (the login throttle), so no other journey uses it.
  throttleTarget: { email: "target@pro-dojo.test", password: "pro-owner-password" },
  upgradeOwner: { email: "owner@upgrade-dojo.test", password: "upgrade-owner-password" },
  declinedOwner: { email: "owner@declined-dojo.test", password: "declined-owner-password" },
  secureOwner: { email: "owner@secure-dojo.test", password: "secure-owner-password" },
  trialOwner: { email: "owner@trial-over-dojo.test", password: "trial-owner-password" },
  trialChoiceOwner: { email: "owner@trial-choice-dojo.test", password: "trial-choice-password" },
} as const;

/** Written by the seed: what is only known once it ran (the demo member's UID). */
export const E2E_SEED_FILE = ".data/e2e-seed.json";

/**
 * The Demo Dojo's one Stripe account in the emulator. Customers and subscriptions made by one
 * journey live on in the next, and switching the dojo to another account unlinks them (or is
 * refused while subscriptions run), so every journey connects this same account.
 */
export const E2E_STRIPE_KEY = "sk_test_e2e_card_payments";
