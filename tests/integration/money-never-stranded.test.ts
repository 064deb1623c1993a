import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cardCheckouts, members, type Invoice } from "@/db/schema";
import { chargeSavedCardAction, confirmInvoiceCheckoutAction, confirmSavedCardAction, openInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { recordPaymentAction, voidInvoiceAction } from "@/app/(staff)/invoices/actions";
import { confirmMemberCheckoutAction, openMemberCheckoutAction } from "@/app/portal/(member)/card-actions";
import { answerThreeDSecure, control } from "@/emulator/stripe/test-support";
import { invoicePaymentMetadata } from "@/lib/payments/card/metadata";
import { today } from "@/lib/dates";
import { dojoWithStripe, openInvoiceFor, payInCheckout, sessionIdOf } from "../support/card-payment";
import { signInAsMember } from "../support/factories";
import { allEvents, deliverEvents, failedEventsOf, stripeSideOf, tatamiSideOf } from "../support/money";

type OpenResult = Awaited<ReturnType<typeof openInvoiceCheckoutAction>>;
const sessionOf = (result: OpenResult) => {
  if (!result.ok) throw new Error(`opening Checkout failed: ${result.error}`);
  return sessionIdOf(result.data.clientSecret);
};

/**
 * A Checkout Session opened the way the previous release did (a new one on every click, no
 * expiry): such sessions stay payable for 24 hours after this release goes out.
 */
async function sessionOfPreviousRelease(stripe: Stripe, dojoId: string, invoice: Invoice, email: string) {
  const db = await getDb();
  const [row] = await db.insert(cardCheckouts).values({ dojoId, invoiceId: invoice.id, amountMinor: invoice.totalMinor, currency: invoice.currency }).returning();
  const metadata = invoicePaymentMetadata(dojoId, invoice.id, row.id);
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    ui_mode: "embedded_page",
    redirect_on_completion: "if_required",
    return_url: `http://localhost:3000/portal/invoices/${invoice.id}?checkout_session={CHECKOUT_SESSION_ID}`,
    line_items: [{ quantity: 1, price_data: { currency: invoice.currency.toLowerCase(), unit_amount: invoice.totalMinor, product_data: { name: `Invoice ${invoice.number}` } } }],
    customer_email: email,
    metadata,
    payment_intent_data: { metadata },
  });
  await db.update(cardCheckouts).set({ stripeSessionId: session.id }).where(eq(cardCheckouts.id, row.id));
  return session.id;
}

/** Stripe cannot expire this account's sessions for now (the expiry is retried later). */
const expiryFails = (apiKey: string) => control("faults", { method: "POST", path: "/v1/checkout/sessions/*", apiKey, count: 50, status: 500 });

/** Every event of the run delivered to the webhook route (signed), each answered 200. */
async function deliverAll(dojoId: string, stripe: Stripe) {
  const answers = await deliverEvents(dojoId, await allEvents(stripe));
  expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  expect(await failedEventsOf(dojoId)).toEqual([]);
  return answers;
}

/** The invariant: what Stripe kept equals what Tatami recorded, and the ledger agrees. */
async function expectBalanced(stripe: Stripe, invoiceId: string) {
  const stripeSide = await stripeSideOf(stripe, invoiceId);
  const tatami = await tatamiSideOf(invoiceId);
  expect(stripeSide.captured - stripeSide.refunded).toBe(tatami.cardPaid - tatami.cardRefunded);
  expect(tatami.paid).toBeLessThanOrEqual(tatami.invoice.totalMinor);
  expect(tatami.ledger).toBe(tatami.paid - tatami.refunded);
  return { stripeSide, tatami };
}

describe("a succeeded payment Tatami cannot record is refunded, never left failed", () => {
  it("two tabs, both paid: recorded once, the second payment refunded once", async () => {
    const { dojo, stripe, signInOwner } = await dojoWithStripe();
    const { member, invoice } = await openInvoiceFor(dojo);
    const tab1 = sessionOf(await openInvoiceCheckoutAction({ invoiceId: invoice.id }));
    const tab2 = await sessionOfPreviousRelease(stripe, dojo.id, invoice, member.email!);
    await payInCheckout(tab1, "4242424242424242");
    await payInCheckout(tab2, "4242424242424242");

    expect(await confirmInvoiceCheckoutAction({ sessionId: tab1 })).toMatchObject({ ok: true, data: { outcome: "paid", recorded: true } });
    signInAsMember(member);
    expect(await confirmMemberCheckoutAction({ sessionId: tab2 })).toMatchObject({ ok: true, data: { outcome: "refunded" } });
    signInOwner();
    await deliverAll(dojo.id, stripe);

    const { stripeSide, tatami } = await expectBalanced(stripe, invoice.id);
    expect(stripeSide).toMatchObject({ captured: 10_000, refunded: 5000 });
    const second = (await stripe.checkout.sessions.retrieve(tab2)).payment_intent as string;
    expect(stripeSide.intents.find((i) => i.id === second)?.refunds).toEqual([expect.objectContaining({ amount: 5000, reason: "duplicate" })]);
    expect(tatami.payments).toHaveLength(1);
    expect(tatami).toMatchObject({ cardPaid: 5000, refunded: 0, ledger: 5000 });
  });

  it("paid after the invoice was voided: nothing recorded, the payment refunded once", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    const tab = sessionOf(await openInvoiceCheckoutAction({ invoiceId: invoice.id }));
    await expiryFails(secretKey);
    expect(await voidInvoiceAction({ id: invoice.id, reason: "Billed twice" })).toMatchObject({ ok: true });
    await payInCheckout(tab, "4242424242424242");

    expect(await confirmInvoiceCheckoutAction({ sessionId: tab })).toMatchObject({ ok: true, data: { outcome: "refunded", invoiceStatus: "void" } });
    await deliverAll(dojo.id, stripe);

    const { stripeSide, tatami } = await expectBalanced(stripe, invoice.id);
    expect(stripeSide).toMatchObject({ captured: 5000, refunded: 5000 });
    expect(stripeSide.intents[0].refunds).toHaveLength(1);
    expect(tatami).toMatchObject({ paid: 0, ledger: 0 });
    expect(tatami.invoice.status).toBe("void");
  });

  it("paid online after cash was recorded: the cash stays, the card payment is refunded once", async () => {
    const { dojo, stripe, secretKey, signInOwner } = await dojoWithStripe();
    const { member, invoice } = await openInvoiceFor(dojo);
    signInAsMember(member);
    const tab = sessionOf(await openMemberCheckoutAction({ invoiceId: invoice.id }));
    signInOwner();
    await expiryFails(secretKey);
    expect(await recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount: "50.00", paidOn: today() })).toMatchObject({ ok: true, data: { status: "paid" } });
    await payInCheckout(tab, "4242424242424242");
    // The member closed the tab: only the webhooks bring the payment in.
    await deliverAll(dojo.id, stripe);

    const { stripeSide, tatami } = await expectBalanced(stripe, invoice.id);
    expect(stripeSide).toMatchObject({ captured: 5000, refunded: 5000 });
    expect(stripeSide.intents[0].refunds).toHaveLength(1);
    expect(tatami.payments.map((p) => [p.method, p.amountMinor])).toEqual([["cash", 5000]]);
    expect(tatami).toMatchObject({ cardPaid: 0, ledger: 5000 });
  });

  it("the desk charges the saved card while the member pays online: recorded once, the later payment refunded once", async () => {
    const { dojo, stripe, signInOwner } = await dojoWithStripe();
    const { member, invoice } = await openInvoiceFor(dojo);
    // A card that always asks its holder for 3-D Secure: the desk's charge waits for it.
    const customer = await stripe.customers.create({ email: member.email! });
    const pm = await stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
    await (await getDb()).update(members).set({ stripeCustomerId: customer.id }).where(eq(members.id, member.id));

    const desk = await chargeSavedCardAction({ invoiceId: invoice.id });
    if (!desk.ok || desk.data.status !== "requires_action") throw new Error(`expected 3-D Secure, got ${JSON.stringify(desk)}`);
    const deskIntent = desk.data.paymentIntentId;
    // Meanwhile the member pays in the members area.
    signInAsMember(member);
    const tab = sessionOf(await openMemberCheckoutAction({ invoiceId: invoice.id }));
    await payInCheckout(tab, "4242424242424242");
    expect(await confirmMemberCheckoutAction({ sessionId: tab })).toMatchObject({ ok: true, data: { outcome: "paid" } });
    // Then the card holder at the desk completes 3-D Secure.
    signInOwner();
    await answerThreeDSecure(deskIntent, "complete");
    expect(await confirmSavedCardAction({ paymentIntentId: deskIntent })).toMatchObject({ ok: true, data: { status: "refunded" } });
    await deliverAll(dojo.id, stripe);

    const { stripeSide, tatami } = await expectBalanced(stripe, invoice.id);
    expect(stripeSide).toMatchObject({ captured: 10_000, refunded: 5000 });
    expect(stripeSide.intents.find((i) => i.id === deskIntent)?.refunds).toEqual([expect.objectContaining({ amount: 5000 })]);
    expect(tatami.payments).toHaveLength(1);
    expect(tatami).toMatchObject({ cardPaid: 5000, ledger: 5000 });
  });
});
