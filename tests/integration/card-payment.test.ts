import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { members } from "@/db/schema";
import { confirmInvoiceCheckoutAction, openInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { confirmMemberCheckoutAction, openMemberCheckoutAction } from "@/app/portal/(member)/card-actions";
import { stripeFor } from "@/lib/stripe/client";
import { control } from "@tatami/stripe-emulator/test-support";
import { dojoWithStripe, forwardWebhooks, inboxFor, openInvoiceFor, payInCheckout, paymentState, sessionIdOf, webhookEvent } from "../support/card-payment";
import { createStaff, signedInDojo, signInAsMember, signInAsStaff } from "../support/factories";
import { handleUnclaimed } from "../support/handle-event";

type Opened = { clientSecret: string; publishableKey: string };

function opened(result: Awaited<ReturnType<typeof openInvoiceCheckoutAction>>): Opened {
  if (!result.ok) throw new Error(`openInvoiceCheckout failed: ${result.error}`);
  return result.data;
}

describe("paying an invoice with Stripe Checkout at the desk", () => {
  it("opens an embedded session for the open amount, and a paid one records one card payment, one revenue entry and a receipt", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { member, invoice } = await openInvoiceFor(dojo);
    const checkout = opened(await openInvoiceCheckoutAction({ invoiceId: invoice.id }));
    expect(checkout.publishableKey).toMatch(/^pk_test_card_/);

    const sessionId = sessionIdOf(checkout.clientSecret);
    const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["line_items"] });
    const [row] = (await paymentState(invoice.id)).checkouts;
    expect(session).toMatchObject({
      mode: "payment",
      ui_mode: "embedded_page",
      amount_total: 5000,
      currency: "eur",
      customer_email: member.email,
      metadata: { tatami_dojo_id: dojo.id, tatami_invoice_id: invoice.id, tatami_checkout_id: row.id },
      return_url: `http://localhost:3000/invoices/${invoice.id}?checkout_session={CHECKOUT_SESSION_ID}`,
    });
    expect(session.line_items?.data.map((l) => [l.description, l.amount_total])).toEqual([[`Invoice ${invoice.number}`, 5000]]);
    expect(row).toMatchObject({ stripeSessionId: sessionId, amountMinor: 5000, currency: "EUR" });

    // Confirming before the card was entered changes nothing.
    expect(await confirmInvoiceCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { outcome: "open", invoiceStatus: "open", recorded: false } });

    await payInCheckout(sessionId, "4242424242424242");
    const confirmed = await confirmInvoiceCheckoutAction({ sessionId });
    expect(confirmed).toEqual({ ok: true, data: { invoiceId: invoice.id, outcome: "paid", invoiceStatus: "paid", recorded: true, refund: null } });

    const state = await paymentState(invoice.id);
    const pi = await stripe.paymentIntents.retrieve((await stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string);
    expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    expect(state.payments).toEqual([expect.objectContaining({ method: "card", amountMinor: 5000, currency: "EUR", stripePaymentIntentId: pi.id, stripeChargeId: pi.latest_charge })]);
    expect(state.payments[0].stripeChargeId).toMatch(/^ch_/);
    expect(state.entries).toEqual([expect.objectContaining({ amountMinor: 5000, paymentId: state.payments[0].id })]);

    const mail = await inboxFor(member.email!);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`Receipt: €50.00 for invoice ${invoice.number}`);
    expect(mail[0].from).toBe(`"${dojo.name}" <no-reply@tatami.test>`);
    for (const part of [mail[0].html, mail[0].text]) {
      expect(part).toContain(dojo.name);
      expect(part).toContain(invoice.number!);
      expect(part).toContain("€50.00");
      expect(part).toContain("Visa •••• 4242");
    }
  });

  it("records once when the browser confirmation races both webhooks", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const { member, invoice } = await openInvoiceFor(dojo);
    const sessionId = sessionIdOf(opened(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).clientSecret);
    await payInCheckout(sessionId, "4242424242424242");
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    const completed = await webhookEvent(stripe, "checkout.session.completed", sessionId);
    const succeeded = await webhookEvent(stripe, "payment_intent.succeeded", session.payment_intent as string);

    const ctx = (event: Stripe.Event) => ({ dojoId: dojo.id, stripe: stripeFor(secretKey), event });
    const results = await Promise.all([
      confirmInvoiceCheckoutAction({ sessionId }),
      confirmInvoiceCheckoutAction({ sessionId }),
      handleUnclaimed(ctx(completed)),
      handleUnclaimed(ctx(succeeded)),
      handleUnclaimed(ctx(completed)),
    ]);
    const confirmations = results.slice(0, 2) as Awaited<ReturnType<typeof confirmInvoiceCheckoutAction>>[];
    expect(confirmations.every((r) => r.ok && r.data.outcome === "paid")).toBe(true);
    expect(results.slice(2)).toEqual(["processed", "processed", "processed"]);

    const state = await paymentState(invoice.id);
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toHaveLength(1);
    expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    // Whoever recorded it, the member gets one receipt.
    expect(await inboxFor(member.email!)).toHaveLength(1);
  });

  it("webhooks alone record the payment when the browser never comes back", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    const sessionId = sessionIdOf(opened(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).clientSecret);
    await payInCheckout(sessionId, "4242424242424242");
    const event = await webhookEvent(stripe, "checkout.session.completed", sessionId);
    expect(await handleUnclaimed({ dojoId: dojo.id, stripe: stripeFor(secretKey), event })).toBe("processed");
    expect((await paymentState(invoice.id)).payments).toHaveLength(1);

    // Another dojo's connection never records this dojo's payment.
    const other = await dojoWithStripe();
    expect(await handleUnclaimed({ dojoId: other.dojo.id, stripe: stripeFor(secretKey), event })).toBe("ignored");
  });

  it("a payment only the webhooks record (each delivered three times) still mails exactly one receipt, after the commit", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    await control("webhooks", { apiKey: secretKey, mode: "duplicate", duplicates: 3 });
    const webhooks = await forwardWebhooks(dojo.id, stripe);
    try {
      const { member, invoice } = await openInvoiceFor(dojo);
      const sessionId = sessionIdOf(opened(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).clientSecret);
      await payInCheckout(sessionId, "4242424242424242");
      // The browser never comes back: both events, three deliveries each, through the real route.
      const paidBy = ["checkout.session.completed", "payment_intent.succeeded"];
      const answers = await webhooks.waitFor((a) => a.filter((x) => paidBy.includes(x.type)).length >= 6);
      expect(answers.filter((x) => paidBy.includes(x.type)).every((x) => x.status === 200)).toBe(true);
      expect(answers.filter((x) => x.result === "processed").length).toBeGreaterThanOrEqual(1);

      const state = await paymentState(invoice.id);
      expect(state.payments).toHaveLength(1);
      expect(state.entries).toHaveLength(1);
      const mail = await inboxFor(member.email!);
      expect(mail).toHaveLength(1);
      expect(mail[0].subject).toBe(`Receipt: €50.00 for invoice ${invoice.number}`);
      expect(mail[0].text).toContain("Visa •••• 4242");

      // The browser coming back late sends nothing more.
      expect(await confirmInvoiceCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { outcome: "paid", recorded: false } });
      expect(await inboxFor(member.email!)).toHaveLength(1);
    } finally {
      await webhooks.close();
      await control("webhooks", { apiKey: secretKey, mode: "normal" });
    }
  });

  it("charges a JPY invoice in yen: the minor units are sent as they are", async () => {
    const { dojo, stripe } = await dojoWithStripe({ currency: "JPY" });
    const { invoice } = await openInvoiceFor(dojo, { unitPrice: "2500" });
    expect(invoice.totalMinor).toBe(5000);
    const sessionId = sessionIdOf(opened(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).clientSecret);
    expect(await stripe.checkout.sessions.retrieve(sessionId)).toMatchObject({ amount_total: 5000, currency: "jpy" });
    await payInCheckout(sessionId, "4242424242424242");
    expect(await confirmInvoiceCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { outcome: "paid" } });
    const state = await paymentState(invoice.id);
    expect(state.payments).toEqual([expect.objectContaining({ amountMinor: 5000, currency: "JPY" })]);
    expect(state.entries).toEqual([expect.objectContaining({ amountMinor: 5000, currency: "JPY" })]);
  });

  it("refuses an invoice in another currency than the Stripe account's, creating nothing", async () => {
    const { dojo, stripe } = await dojoWithStripe({ currency: "EUR" });
    const { invoice } = await openInvoiceFor({ id: dojo.id, currency: "USD" });
    const result = await openInvoiceCheckoutAction({ invoiceId: invoice.id });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(/This invoice is in USD .* charges in EUR\. Nothing was charged/);
    const state = await paymentState(invoice.id);
    expect(state.checkouts).toEqual([]);
    expect(state.invoice.status).toBe("open");
    expect((await stripe.checkout.sessions.list()).data).toEqual([]);
  });

  it("refuses invoices that are not open, and says so when Stripe is not connected", async () => {
    const { dojo } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    const sessionId = sessionIdOf(opened(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).clientSecret);
    await payInCheckout(sessionId, "4242424242424242");
    await confirmInvoiceCheckoutAction({ sessionId });
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toEqual({ ok: false, error: "This invoice is already paid." });

    const { dojo: unconnected } = await signedInDojo({ plan: "ultimate" });
    const { invoice: other } = await openInvoiceFor(unconnected);
    expect(await openInvoiceCheckoutAction({ invoiceId: other.id })).toMatchObject({ ok: false, error: expect.stringContaining("Stripe is not connected") });
  });

  it("leaves the invoice open after a declined card or failed 3-D Secure", async () => {
    const { dojo } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    const sessionId = sessionIdOf(opened(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).clientSecret);

    const declined = await payInCheckout(sessionId, "4000000000009995");
    expect(await declined.text()).toContain("Your card has insufficient funds.");
    expect(await confirmInvoiceCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { outcome: "open", invoiceStatus: "open", recorded: false } });

    await payInCheckout(sessionId, "4000002500003155", "fail");
    expect(await confirmInvoiceCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { outcome: "open", invoiceStatus: "open" } });
    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.payments).toEqual([]);
    expect(state.entries).toEqual([]);

    // The same session can still be paid after authenticating.
    await payInCheckout(sessionId, "4000002500003155", "complete");
    expect(await confirmInvoiceCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { outcome: "paid", invoiceStatus: "paid" } });
  });

  it("is refused on the Pro plan, for staff and members", async () => {
    const { dojo, user } = await signedInDojo({ plan: "pro" });
    const { member, invoice } = await openInvoiceFor(dojo);
    signInAsStaff(user);
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toMatchObject({ ok: false, error: expect.stringContaining("Ultimate plan") });
    signInAsMember(member);
    expect(await openMemberCheckoutAction({ invoiceId: invoice.id })).toMatchObject({ ok: false, error: "This is not available for your dojo." });
    expect((await paymentState(invoice.id)).checkouts).toEqual([]);
  });

  it("is open to staff with the invoices permission, and only for the dojo's own invoices", async () => {
    const { dojo } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    const staff = await createStaff(dojo.id, "staff");
    signInAsStaff(staff);
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toMatchObject({ ok: true });

    const other = await dojoWithStripe();
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toEqual({ ok: false, error: "Invoice was not found." });
    // Nor can another dojo confirm this dojo's session.
    const sessionId = (await paymentState(invoice.id)).checkouts[0].stripeSessionId!;
    expect(await confirmInvoiceCheckoutAction({ sessionId })).toEqual({ ok: false, error: "Payment was not found." });
    expect(other.dojo.id).not.toBe(dojo.id);
  });
});

describe("paying in the members area", () => {
  it("lets a member pay their own invoice and nobody else's", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { member, invoice } = await openInvoiceFor(dojo);
    const { member: neighbour, invoice: theirs } = await openInvoiceFor(dojo);
    const db = await getDb();
    const customer = await stripe.customers.create({ email: member.email! });
    await db.update(members).set({ stripeCustomerId: customer.id }).where(eq(members.id, member.id));

    signInAsMember(member);
    expect(await openMemberCheckoutAction({ invoiceId: theirs.id })).toEqual({ ok: false, error: "Invoice was not found." });
    expect((await paymentState(theirs.id)).checkouts).toEqual([]);

    const checkout = await openMemberCheckoutAction({ invoiceId: invoice.id });
    if (!checkout.ok) throw new Error(checkout.error);
    const sessionId = sessionIdOf(checkout.data.clientSecret);
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    // A member with a Stripe customer pays as that customer.
    expect(session).toMatchObject({ customer: customer.id, return_url: `http://localhost:3000/portal/invoices/${invoice.id}?checkout_session={CHECKOUT_SESSION_ID}` });
    expect((await paymentState(invoice.id)).checkouts[0]).toMatchObject({ openedByMember: member.id, openedByStaff: null });

    await payInCheckout(sessionId, "4000002500003155", "complete");
    // The neighbour cannot confirm (or learn about) someone else's payment.
    signInAsMember(neighbour);
    expect(await confirmMemberCheckoutAction({ sessionId })).toEqual({ ok: false, error: "Payment was not found." });
    expect((await paymentState(invoice.id)).invoice.status).toBe("open");

    signInAsMember(member);
    expect(await confirmMemberCheckoutAction({ sessionId })).toEqual({ ok: true, data: { invoiceId: invoice.id, outcome: "paid", invoiceStatus: "paid", recorded: true, refund: null } });
    const [receipt] = await inboxFor(member.email!);
    expect(receipt.subject).toContain(invoice.number!);
  });
});
