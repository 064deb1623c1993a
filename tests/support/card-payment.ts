import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { cardCheckouts, invoices, ledgerEntries, payments, stripeConnections, type Plan, type Role } from "@/db/schema";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/[dojo]/route";
import { openInvoiceCheckoutAction, confirmInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { connectStripeAccount } from "@/app/(staff)/settings/stripe/actions";
import { answerThreeDSecure, emulatorUrl, newSecretKey, stripeClient, submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { createMember, signedInDojo, signInAsStaff } from "./factories";
import { deliverMail } from "./mail";
import { createTestInvoice } from "./invoice-factory";
import { eventObject } from "@/lib/stripe/objects";

/** A dojo whose owner connected an emulator Stripe account; returns the key to inspect that account. */
export async function dojoWithStripe(opts: { plan?: Plan; currency?: string; stripeCurrency?: string; role?: Role } = {}) {
  const { dojo, user } = await signedInDojo({ plan: "ultimate", currency: opts.currency ?? "EUR" });
  const secretKey = newSecretKey("card");
  const connected = await connectStripeAccount({ publishableKey: secretKey.replace(/^sk_/, "pk_"), secretKey, currency: opts.stripeCurrency ?? dojo.currency, attempt: randomUUID() });
  expect(connected).toMatchObject({ ok: true });
  return { dojo, owner: user, secretKey, stripe: stripeClient(secretKey), signInOwner: () => signInAsStaff(user) };
}

/** An open (issued) invoice of 2 × 25.00 for a new member of the dojo. */
export async function openInvoiceFor(dojo: { id: string; currency: string }, opts: { unitPrice?: string; memberEmail?: string | null } = {}) {
  const member = await createMember(dojo.id, opts.memberEmail === undefined ? {} : { email: opts.memberEmail });
  const invoice = await createTestInvoice(dojo, member.id, { issue: true, lines: [{ description: "Monthly training", quantity: "2", unitPrice: opts.unitPrice ?? "25.00" }] });
  return { member, invoice };
}

export const sessionIdOf = (clientSecret: string) => clientSecret.slice(0, clientSecret.indexOf("_secret_"));

export async function paymentState(invoiceId: string) {
  const db = await getDb();
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  const paymentRows = await db.select().from(payments).where(eq(payments.invoiceId, invoiceId));
  const entries = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.invoiceId, invoiceId), eq(ledgerEntries.kind, "revenue")));
  const checkouts = await db.select().from(cardCheckouts).where(eq(cardCheckouts.invoiceId, invoiceId));
  return { invoice, payments: paymentRows, entries, checkouts };
}

export interface InboxMail {
  id: string;
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  /** Files sent with the mail, base64 `content` (the emulator keeps them). */
  attachments: { filename: string; content_type: string; size: number; content: string }[];
}

/** Mail the emulator's Resend received for one address, newest first, once the mail queue has run (deliverMail). */
export async function inboxFor(address: string): Promise<InboxMail[]> {
  await deliverMail();
  const res = await fetch(`${emulatorUrl()}/_inbox.json?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { data: InboxMail[] }).data;
}

/** What the browser does in the embedded form: pay with a card; 3-D Secure answered when asked. */
export async function payInCheckout(sessionId: string, card: string, threeDs?: "complete" | "fail") {
  const res = await submitCheckoutForm(sessionId, { card_number: card }, { embedded: true });
  const location = res.headers.get("location") ?? "";
  const challenge = /\/3ds\/([^?]+)/.exec(location);
  if (challenge) {
    expect(threeDs, "the card asked for 3-D Secure").toBeDefined();
    await answerThreeDSecure(challenge[1], threeDs!);
  }
  return res;
}

/** The event of a type about one object, as the dojo's Stripe account lists it. */
export async function webhookEvent(stripe: Stripe, type: string, objectId: string): Promise<Stripe.Event> {
  const events = await stripe.events.list({ type, limit: 100 });
  const event = events.data.find((e) => eventObject(e).id === objectId);
  if (!event) throw new Error(`no ${type} event for ${objectId}`);
  return event;
}

/** An open invoice paid at the desk by card (staff signed in): returns its card payment. */
export async function paidCardInvoice(dojo: { id: string; currency: string }, opts: { unitPrice?: string; card?: string } = {}) {
  const { member, invoice } = await openInvoiceFor(dojo, opts);
  const opened = await openInvoiceCheckoutAction({ invoiceId: invoice.id });
  if (!opened.ok) throw new Error(`openInvoiceCheckout failed: ${opened.error}`);
  const sessionId = sessionIdOf(opened.data.clientSecret);
  await payInCheckout(sessionId, opts.card ?? "4242424242424242");
  expect(await confirmInvoiceCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { outcome: "paid" } });
  const [payment] = (await paymentState(invoice.id)).payments;
  return { member, invoice, payment, sessionId };
}

/**
 * Points the dojo's webhook endpoint in the emulator at a local server that hands every
 * delivery, byte for byte with its signature, to the app's webhook route: events then arrive
 * as they would in production. Returns the route's answers and a way to wait for them.
 */
export async function forwardWebhooks(dojoId: string, stripe: Stripe) {
  const answers: { type: string; status: number; result: unknown }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers = new Headers({ "content-type": "application/json", "stripe-signature": String(req.headers["stripe-signature"] ?? "") });
    const response = await webhookRoute(new Request(`http://localhost/api/stripe/webhook/${dojoId}`, { method: "POST", headers, body }), { params: Promise.resolve({ dojo: dojoId }) });
    const reply = (await response.json()) as { result?: unknown };
    answers.push({ type: (JSON.parse(body) as Stripe.Event).type, status: response.status, result: reply.result ?? null });
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const db = await getDb();
  const [connection] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  await stripe.webhookEndpoints.update(connection.webhookEndpointId!, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook` });
  return {
    answers,
    async waitFor(predicate: (a: typeof answers) => boolean, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(answers)) {
        if (Date.now() > until) throw new Error(`webhooks not answered in time; got: ${JSON.stringify(answers)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return answers;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
