import { threeDSecureJourneys } from "../support/three-d-secure";
import { demoLogins } from "./logins";

// The same 3-D Secure journeys as e2e/three-d-secure.spec.ts, against the demo as a user starts
// it (`npm run dev`, playwright.demo.config.ts): the printed logins, Stripe connected with the
// README's pk_test_demo / sk_test_demo.
threeDSecureJourneys(() => ({ ...demoLogins(), secretKey: "sk_test_demo", shots: "test-results/demo" }));
