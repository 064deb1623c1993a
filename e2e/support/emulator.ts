import Stripe from "stripe";
import { E2E_STRIPE_KEY } from "./accounts";

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

/** The mail the emulator's Resend received for `address`, newest first. */
export async function inboxOf(address: string): Promise<{ subject: string; text: string }[]> {
  const res = await fetch(`${emulatorUrl}/_inbox.json?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { data: { subject: string; text: string }[] }).data;
}

/** Waits for the sign-up mail (queued, sent by the app's job worker) and returns its link's path. */
export async function mailedSignupLink(address: string): Promise<string> {
  for (let i = 0; i < 60; i++) {
    const link = (await inboxOf(address)).map((m) => /\/signup\/confirm\/[A-Za-z0-9._-]+/.exec(m.text)?.[0]).find(Boolean);
    if (link) return link;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`No sign-up mail for ${address}`);
}

/** The SDK on the e2e dojo's emulator account, for what a test does "in the Stripe dashboard". */
export function emulatorStripe(secretKey = E2E_STRIPE_KEY): Stripe {
  const url = new URL(emulatorUrl);
  return new Stripe(secretKey, { host: url.hostname, port: Number(url.port), protocol: "http" });
}

/** Moves a test clock and waits until it is ready (advancing is asynchronous, as in Stripe). */
export async function advanceClock(clockId: string, to: number): Promise<void> {
  const stripe = emulatorStripe();
  let clock = await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: to });
  while (clock.status !== "ready") {
    await new Promise((r) => setTimeout(r, 100));
    clock = await stripe.testHelpers.testClocks.retrieve(clockId);
  }
}
