import Stripe from "stripe";
import { expect } from "vitest";
import { confirmInvoiceCheckout } from "@/lib/payments/card/confirm-checkout";
import { openInvoiceCheckout } from "@/lib/payments/card/open-checkout";
import { openInvoiceFor, payInCheckout, paymentState } from "../support/card-payment";
import { browserContractTest, contractSuite, contractTest } from "./support/contract";
import { CONTRACT_APP_URL, contractTarget } from "./support/target";
import { connectedDojo, memberWithCard } from "./support/world";

contractSuite("Paying an invoice in embedded Checkout (payment mode)", () => {
  contractTest(
    "opens a session for what is still open on the invoice; unpaid it leaves the invoice open, expired it says so",
    ["checkout.sessions.create", "checkout.sessions.retrieve"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin } = world;
      const { member, invoice } = await openInvoiceFor(dojo);
      const opened = await openInvoiceCheckout(db, { dojoId: dojo.id, invoiceId: invoice.id, opener: { staffId: world.ctx.user.id } });
      expect(opened.publishableKey).toBe(contractTarget().publishableKey(world.secretKey));
      expect(opened.clientSecret.startsWith(`${opened.sessionId}_secret_`)).toBe(true);

      const session = await admin.checkout.sessions.retrieve(opened.sessionId, { expand: ["line_items"] });
      expect(session).toMatchObject({
        mode: "payment",
        ui_mode: "embedded_page",
        status: "open",
        payment_status: "unpaid",
        amount_total: 5_000,
        currency: "eur",
        customer_email: member.email,
        client_reference_id: invoice.id,
        metadata: { tatami_dojo_id: dojo.id, tatami_invoice_id: invoice.id, tatami_checkout_id: expect.any(String) },
      });
      expect(session.return_url).toContain(`${CONTRACT_APP_URL}/invoices/${invoice.id}?checkout_session=`);
      expect(session.line_items?.data).toEqual([expect.objectContaining({ quantity: 1, amount_total: 5_000, currency: "eur", description: `Invoice ${invoice.number}` })]);

      expect(await confirmInvoiceCheckout(db, { dojoId: dojo.id, sessionId: opened.sessionId, staffId: world.ctx.user.id })).toEqual({ invoiceId: invoice.id, outcome: "open", invoiceStatus: "open", recorded: false, refund: null });
      // Left alone until Stripe expires it (here: now).
      await admin.checkout.sessions.expire(opened.sessionId);
      expect(await confirmInvoiceCheckout(db, { dojoId: dojo.id, sessionId: opened.sessionId, staffId: world.ctx.user.id })).toMatchObject({ outcome: "expired", invoiceStatus: "open", recorded: false, refund: null });
    },
  );

  contractTest("in the members area the session is for the member's own Stripe customer and returns to the members area", ["checkout.sessions.create"], async () => {
    const world = await connectedDojo();
    const { member, invoice } = await openInvoiceFor(world.dojo);
    const { customerId } = await memberWithCard(world, { memberId: member.id });
    const opened = await openInvoiceCheckout(world.db, { dojoId: world.dojo.id, invoiceId: invoice.id, opener: { memberId: member.id } });
    const session = await world.admin.checkout.sessions.retrieve(opened.sessionId);
    expect(session).toMatchObject({ mode: "payment", customer: customerId, customer_email: null, amount_total: 5_000 });
    expect(session.return_url).toContain(`${CONTRACT_APP_URL}/portal/invoices/${invoice.id}?checkout_session=`);
  });

  browserContractTest("a card paid in Checkout is recorded once: invoice paid, one payment, one revenue entry", ["checkout.sessions.create", "checkout.sessions.retrieve"], async () => {
    const world = await connectedDojo();
    const { db, dojo, admin } = world;
    const { invoice } = await openInvoiceFor(dojo);
    const opened = await openInvoiceCheckout(db, { dojoId: dojo.id, invoiceId: invoice.id, opener: { staffId: world.ctx.user.id } });
    await payInCheckout(opened.sessionId, "4242424242424242");

    const confirm = () => confirmInvoiceCheckout(db, { dojoId: dojo.id, sessionId: opened.sessionId, staffId: world.ctx.user.id });
    expect(await confirm()).toEqual({ invoiceId: invoice.id, outcome: "paid", invoiceStatus: "paid", recorded: true, refund: null });
    expect(await confirm()).toMatchObject({ outcome: "paid", recorded: false });
    const state = await paymentState(invoice.id);
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toHaveLength(1);
    const pi = await admin.paymentIntents.retrieve(state.payments[0].stripePaymentIntentId!, { expand: ["latest_charge"] });
    expect(pi).toMatchObject({ status: "succeeded", amount: 5_000, currency: "eur", description: `Invoice ${invoice.number}`, metadata: { tatami_dojo_id: dojo.id, tatami_invoice_id: invoice.id } });
    expect((pi.latest_charge as Stripe.Charge).id).toBe(state.payments[0].stripeChargeId);
  });
});
