// The emulator as playwright.config.ts starts it. The app and the tests call its API on
// 127.0.0.1, and the app loads Stripe.js from there; the pages it hands to browsers (hosted
// Checkout, 3-D Secure, hosted invoices) are on localhost, as `npm run dev` does. Like Stripe,
// whose Stripe.js and 3-D Secure pages live on different hosts, the browser meets the emulator
// under two names: a page that trusts only one of them fails here as it would in the demo.
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 12112);
/** STRIPE_API_BASE of the app; also what tests call for the inbox and test controls. */
export const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
/** EMULATOR_PUBLIC_URL: the base of the URLs the emulator hands to browsers. */
export const emulatorPublicUrl = `http://localhost:${EMULATOR_PORT}`;
