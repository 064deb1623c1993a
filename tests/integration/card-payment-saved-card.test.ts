import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { members } from "@/db/schema";
import { chargeSavedCardAction, confirmSavedCardAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { confirmSavedCardPaymentAction, openMemberCheckoutAction, payWithSavedCardAction } from "@/app/portal/(member)/card-actions";
import { answerThreeDSecure } from "@tatami/stripe-emulator/test-support";
import { dojoWithStripe, inboxFor, openInvoiceFor, paymentState, sessionIdOf } from "../support/card-payment";
import { signInAsMember } from "../support/factories";

/** A member whose Stripe customer has this test card as default payment method. */
async function memberWithCard(stripe: Stripe, dojo: { id: string; currency: string }, testCard: string) {
  const { member, invoice } = await openInvoiceFor(dojo);
  const customer = await stripe.customers.create({ email: member.email! });
  const pm = await stripe.paymentMethods.attach(testCard, { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  const db = await getDb();
  await db.update(members).set({ stripeCustomerId: customer.id }).where(eq(members.id, member.id));
  return { member, invoice, customer, pm };
}

describe("charging a member's saved card at the desk", () => {
  it("charges the default card and records the payment", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { member, invoice, customer, pm } = await memberWithCard(stripe, dojo, "pm_card_visa");
    expect(await chargeSavedCardAction({ invoiceId: invoice.id })).toEqual({ ok: true, data: { status: "succeeded", invoiceId: invoice.id, recorded: true } });

    const state = await paymentState(invoice.id);
    expect(state.invoice.status).toBe("paid");
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toHaveLength(1);
    const pi = await stripe.paymentIntents.retrieve(state.payments[0].stripePaymentIntentId!);
    expect(pi).toMatchObject({ amount: 5000, customer: customer.id, payment_method: pm.id, metadata: { tatami_dojo_id: dojo.id, tatami_invoice_id: invoice.id, tatami_checkout_id: state.checkouts[0].id } });
    expect((await inboxFor(member.email!))[0].text).toContain("Visa •••• 4242");
  });

  it("hands 3-D Secure to the browser and records only after the bank confirmed it", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { invoice } = await memberWithCard(stripe, dojo, "pm_card_authenticationRequired");
    const first = await chargeSavedCardAction({ invoiceId: invoice.id });
    if (!first.ok || first.data.status !== "requires_action") throw new Error(`expected requires_action, got ${JSON.stringify(first)}`);
    expect(first.data.clientSecret).toMatch(/^pi_.+_secret_/);
    expect(first.data.publishableKey).toMatch(/^pk_test_/);

    // Confirming before the card holder answered is not a payment.
    expect(await confirmSavedCardAction({ paymentIntentId: first.data.paymentIntentId })).toMatchObject({ ok: false, error: expect.stringContaining("did not confirm the payment") });
    await answerThreeDSecure(first.data.paymentIntentId, "fail");
    expect(await confirmSavedCardAction({ paymentIntentId: first.data.paymentIntentId })).toMatchObject({ ok: false, error: expect.stringContaining("Nothing was charged and the invoice is still open") });
    expect((await paymentState(invoice.id)).invoice).toMatchObject({ status: "open", paidMinor: 0 });

    const second = await chargeSavedCardAction({ invoiceId: invoice.id });
    if (!second.ok || second.data.status !== "requires_action") throw new Error("expected requires_action");
    await answerThreeDSecure(second.data.paymentIntentId, "complete");
    expect(await confirmSavedCardAction({ paymentIntentId: second.data.paymentIntentId })).toEqual({ ok: true, data: { status: "succeeded", invoiceId: invoice.id, recorded: true } });
    const state = await paymentState(invoice.id);
    expect(state.payments.map((p) => p.stripePaymentIntentId)).toEqual([second.data.paymentIntentId]);
    expect(state.entries).toHaveLength(1);
  });

  it("shows a decline clearly and leaves the invoice as it was", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { invoice } = await memberWithCard(stripe, dojo, "pm_card_chargeCustomerFail");
    const result = await chargeSavedCardAction({ invoiceId: invoice.id });
    expect(result).toEqual({ ok: false, error: "The card was declined: Your card was declined. The invoice is still open." });
    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.payments).toEqual([]);
  });

  it("refuses members without a saved card and payment intents of other dojos", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    expect(await chargeSavedCardAction({ invoiceId: invoice.id })).toEqual({ ok: false, error: "This member has no saved card. Use Pay with Stripe instead." });

    const { invoice: carded } = await memberWithCard(stripe, dojo, "pm_card_authenticationRequired");
    const pending = await chargeSavedCardAction({ invoiceId: carded.id });
    if (!pending.ok || pending.data.status !== "requires_action") throw new Error("expected requires_action");
    await answerThreeDSecure(pending.data.paymentIntentId, "complete");
    // Another dojo cannot read it: its key belongs to another Stripe account.
    await dojoWithStripe();
    expect(await confirmSavedCardAction({ paymentIntentId: pending.data.paymentIntentId })).toEqual({ ok: false, error: "Payment was not found." });
    expect((await paymentState(carded.id)).payments).toEqual([]);
  });
});

describe("paying with my saved card in the members area", () => {
  it("charges the member's own card, on-session, and records the payment once", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { member, invoice, pm } = await memberWithCard(stripe, dojo, "pm_card_visa");
    signInAsMember(member);
    expect(await payWithSavedCardAction({ invoiceId: invoice.id })).toEqual({ ok: true, data: { status: "succeeded", invoiceId: invoice.id, recorded: true } });
    const state = await paymentState(invoice.id);
    expect(state.invoice.status).toBe("paid");
    expect(state.payments).toHaveLength(1);
    expect(state.payments[0].recordedBy ?? null).toBeNull();
    expect(state.checkouts[0]).toMatchObject({ openedByMember: member.id, openedByStaff: null });
    const pi = await stripe.paymentIntents.retrieve(state.payments[0].stripePaymentIntentId!);
    expect(pi).toMatchObject({ payment_method: pm.id, amount: 5000 });
    // Paid: a second click finds nothing left to pay and charges nothing.
    expect(await payWithSavedCardAction({ invoiceId: invoice.id })).toEqual({ ok: false, error: "This invoice is already paid." });
    expect((await stripe.paymentIntents.list({ customer: pi.customer as string })).data).toHaveLength(1);
  });

  it("runs 3-D Secure when the bank asks; another member cannot confirm it", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { member, invoice } = await memberWithCard(stripe, dojo, "pm_card_authenticationRequired");
    const { member: other } = await openInvoiceFor(dojo);
    signInAsMember(member);
    const first = await payWithSavedCardAction({ invoiceId: invoice.id });
    if (!first.ok || first.data.status !== "requires_action") throw new Error(`expected requires_action, got ${JSON.stringify(first)}`);
    await answerThreeDSecure(first.data.paymentIntentId, "complete");

    signInAsMember(other);
    expect(await confirmSavedCardPaymentAction({ paymentIntentId: first.data.paymentIntentId })).toEqual({ ok: false, error: "Payment was not found." });
    expect((await paymentState(invoice.id)).payments).toEqual([]);

    signInAsMember(member);
    expect(await confirmSavedCardPaymentAction({ paymentIntentId: first.data.paymentIntentId })).toEqual({ ok: true, data: { status: "succeeded", invoiceId: invoice.id, recorded: true } });
    expect((await paymentState(invoice.id)).invoice).toMatchObject({ status: "paid" });
  });

  it("closes a payment page left open for the invoice before charging; refuses without a saved card and for another member's invoice", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { member, invoice } = await memberWithCard(stripe, dojo, "pm_card_visa");
    signInAsMember(member);
    const opened = await openMemberCheckoutAction({ invoiceId: invoice.id });
    if (!opened.ok) throw new Error(opened.error);
    expect(await payWithSavedCardAction({ invoiceId: invoice.id })).toMatchObject({ ok: true, data: { status: "succeeded" } });
    expect((await stripe.checkout.sessions.retrieve(sessionIdOf(opened.data.clientSecret))).status).toBe("expired");

    const { member: cardless, invoice: theirs } = await openInvoiceFor(dojo);
    signInAsMember(cardless);
    expect(await payWithSavedCardAction({ invoiceId: theirs.id })).toEqual({ ok: false, error: "You have no saved card. Pay with credit card instead." });
    const { invoice: another } = await memberWithCard(stripe, dojo, "pm_card_visa");
    expect(await payWithSavedCardAction({ invoiceId: another.id })).toEqual({ ok: false, error: "Invoice was not found." });
    expect((await paymentState(another.id)).payments).toEqual([]);
  });
});
