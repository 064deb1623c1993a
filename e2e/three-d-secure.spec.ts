import { E2E } from "./support/accounts";
import { memberUid } from "./support/staff";
import { threeDSecureJourneys } from "./support/three-d-secure";

// 3-D Secure at the desk, in the members area and on the card link, against the production
// build. The browser meets the emulator under two host names (e2e/support/emulator.ts).
threeDSecureJourneys(() => ({
  owner: E2E.owner,
  member: { uid: memberUid(), password: E2E.memberPassword },
  // The account card-payments.spec.ts and recurring.spec.ts connect, so any of them may run first.
  secretKey: "sk_test_e2e_card_payments",
  shots: "test-results/three-d-secure",
}));
