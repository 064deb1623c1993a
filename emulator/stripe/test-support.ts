import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { inject } from "vitest";
import { randomToken } from "./ids";

/**
 * Helpers for tests that drive the emulator the way the app does: through the real `stripe` SDK
 * pointed at the emulator by host/port/protocol (as STRIPE_API_BASE configures the app).
 */
export function emulatorUrl(): string {
  return inject("emulatorUrl");
}

/** A fresh secret key, i.e. a fresh isolated account, for one test. */
export function newSecretKey(label = "t"): string {
  return `sk_test_${label}_${randomToken(12)}`;
}

export function stripeClient(secretKey: string, opts: { maxNetworkRetries?: number; timeout?: number } = {}): Stripe {
  const base = new URL(emulatorUrl());
  return new Stripe(secretKey, {
    host: base.hostname,
    port: Number(base.port),
    protocol: base.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: opts.maxNetworkRetries ?? 0,
    timeout: opts.timeout,
  });
}

/** POST/GET/DELETE a `/_control/*` endpoint (JSON). */
export async function control<T = unknown>(path: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<T> {
  const res = await fetch(`${emulatorUrl()}/_control/${path.replace(/^\//, "")}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export interface ReceivedWebhook {
  body: string;
  signature: string;
  event: Stripe.Event;
}

/**
 * A local HTTP server standing in for the app's webhook route: records every delivery and can be
 * told to answer the next deliveries with an error status.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  let failures: number[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const status = failures.shift() ?? 200;
    if (status < 300) received.push({ body, signature: String(req.headers["stripe-signature"] ?? ""), event: JSON.parse(body) as Stripe.Event });
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ received: status < 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    /** The next deliveries are answered with these statuses, in order. */
    failNext(...statuses: number[]) {
      failures = [...failures, ...statuses];
    },
    async waitFor(predicate: (events: ReceivedWebhook[]) => boolean, timeoutMs = 5_000): Promise<ReceivedWebhook[]> {
      const until = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > until) throw new Error(`webhooks not received in time; got: ${received.map((r) => r.event.type).join(", ")}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Submits the hosted checkout form like a browser would (a plain form post). */
export async function submitCheckoutForm(
  sessionId: string,
  fields: { card_number: string; expiry?: string; cvc?: string; name?: string; email?: string },
  opts: { embedded?: boolean } = {},
): Promise<Response> {
  const form = new URLSearchParams({ expiry: "12 / 34", cvc: "123", name: "Jenny Rosen", ...fields });
  return fetch(`${emulatorUrl()}/c/pay/${sessionId}${opts.embedded ? "?embedded=1" : ""}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
}

/** Presses "Complete" or "Fail" on the 3-D Secure page. */
export async function answerThreeDSecure(intentId: string, outcome: "complete" | "fail"): Promise<Response> {
  return fetch(`${emulatorUrl()}/3ds/${intentId}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ outcome }).toString(),
  });
}

/** Pays the hosted checkout form with a bank method (an IBAN for SEPA Direct Debit), like a browser. */
export async function submitBankMethod(sessionId: string, type: "sepa_debit" | "ideal" | "bancontact", fields: { iban?: string; email?: string; name?: string } = {}, opts: { embedded?: boolean } = {}): Promise<Response> {
  const form = new URLSearchParams({ payment_method_type: type, name: "Jenny Rosen", ...fields });
  return fetch(`${emulatorUrl()}/c/pay/${sessionId}${opts.embedded ? "?embedded=1" : ""}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
}

/** Presses "Authorize test payment" or "Fail test payment" on the bank page of an iDEAL / Bancontact payment. */
export async function answerBankPage(intentId: string, answer: "authorize" | "fail", opts: { embedded?: boolean } = {}): Promise<Response> {
  return fetch(`${emulatorUrl()}/c/bank/${intentId}${opts.embedded ? "?embedded=1" : ""}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ answer }).toString(),
  });
}

/** Stripe's test IBANs (https://docs.stripe.com/testing#sepa-direct-debit). */
export const TEST_IBANS = { succeeds: "DE89370400440532013000", fails: "DE62370400440532013001", disputed: "DE35370400440532013002" } as const;

/**
 * A SEPA mandate for `customer`, as a payer gives it: Checkout in setup mode (EUR, card and SEPA
 * Direct Debit), the IBAN on the page. Returns the saved PaymentMethod and its Mandate ids.
 */
export async function saveSepaMandate(stripe: Stripe, customer: string, iban: string = TEST_IBANS.succeeds): Promise<{ paymentMethod: string; mandate: string; sessionId: string }> {
  const session = await stripe.checkout.sessions.create({ mode: "setup", currency: "eur", customer, allowed_payment_method_types: ["card", "sepa_debit"], success_url: "https://app.example/done" });
  const res = await submitBankMethod(session.id, "sepa_debit", { iban });
  if (res.status !== 303) throw new Error(`the setup page answered ${res.status}`);
  const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["setup_intent"] });
  const si = done.setup_intent as Stripe.SetupIntent;
  return { paymentMethod: si.payment_method as string, mandate: si.mandate as string, sessionId: session.id };
}
