import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { payments } from "@/db/schema";
import { invoicePaymentMetadata } from "@/lib/payments/card/metadata";
import { dojoWithStripe, inboxFor, openInvoiceFor } from "../support/card-payment";
import { deliverSignedEvent, eventAbout } from "../support/signed-event";

// Every Stripe request the app makes, as "METHOD /path": every client comes from stripeFor, or
// from stripeForSealedKey, which keeps a client per stored key (listened to once).
const requests: string[] = [];
vi.mock("@/lib/stripe/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/stripe/client")>();
  const listened = new WeakSet<Stripe>();
  const listen = (client: Stripe) => {
    if (!listened.has(client)) client.on("request", (request: Stripe.RequestEvent) => requests.push(`${request.method} ${request.path}`));
    listened.add(client);
    return client;
  };
  return {
    ...actual,
    stripeFor: (secretKey: string) => listen(actual.stripeFor(secretKey)),
    stripeForSealedKey: (sealedKey: string, now?: number) => listen(actual.stripeForSealedKey(sealedKey, now)),
  };
});

/** A card payment of 50.00 for an open invoice, succeeded at Stripe, and its payment_intent.succeeded in `apiVersion`. */
async function succeededPayment(apiVersion: string) {
  const { dojo, stripe } = await dojoWithStripe();
  const { member, invoice } = await openInvoiceFor(dojo);
  const pi = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: invoicePaymentMetadata(dojo.id, invoice.id) });
  expect(pi.status).toBe("succeeded");
  const event = { ...eventAbout("payment_intent.succeeded", pi), api_version: apiVersion } as Stripe.Event;
  return { dojo, member, invoice, pi, event };
}

const retrievesOf = (piId: string) => requests.filter((r) => r === `GET /v1/payment_intents/${piId}`);

describe("payment_intent.succeeded: trusting the signed event", () => {
  it("records a succeeded PaymentIntent in the pinned API version without asking Stripe again, once", async () => {
    const { dojo, member, invoice, pi, event } = await succeededPayment(Stripe.API_VERSION);
    requests.length = 0;
    expect(await deliverSignedEvent(dojo.id, event)).toEqual({ status: 200, result: "processed" });
    expect(await deliverSignedEvent(dojo.id, event)).toEqual({ status: 200, result: "duplicate" });
    // Succeeded is final: no round trip to Stripe at all while the event is applied.
    expect(requests).toEqual([]);

    const db = await getDb();
    const recorded = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(recorded).toEqual([expect.objectContaining({ amountMinor: 5000, currency: "EUR", stripePaymentIntentId: pi.id, stripeChargeId: pi.latest_charge, paidAt: new Date(event.created * 1000) })]);
    // The receipt still names the card: read from Stripe when the mail is composed, outside the event's transaction.
    const mail = await inboxFor(member.email!);
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain("Visa •••• 4242");
  });

  it("reads the PaymentIntent again when the event is in another API version", async () => {
    const { dojo, invoice, pi, event } = await succeededPayment("2024-06-20");
    requests.length = 0;
    expect(await deliverSignedEvent(dojo.id, event)).toEqual({ status: 200, result: "processed" });
    expect(retrievesOf(pi.id)).toHaveLength(1);
    const db = await getDb();
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toEqual([expect.objectContaining({ amountMinor: 5000, stripePaymentIntentId: pi.id })]);
  });
});
