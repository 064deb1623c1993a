import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { memberUid } from "./support/staff";
import { threeDSecureJourneys } from "./support/three-d-secure";

// 3-D Secure at the desk, in the members area and on the card link, against the production
// build. The browser meets the emulator under two host names (e2e/support/emulator.ts).
threeDSecureJourneys(() => ({
  owner: E2E.owner,
  member: { uid: memberUid(), password: E2E.memberPassword },
  // The account card-payments.spec.ts and recurring.spec.ts connect, so any of them may run first.
  secretKey: E2E_STRIPE_KEY,
  shots: "test-results/three-d-secure",
}));
