import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { members } from "@/db/schema";
import { memberSavedCard } from "@/lib/payments/card/card-availability";
import { chargeSavedCard, confirmSavedCardPayment } from "@/lib/payments/card/charge-saved-card";
import { refundCardPayment } from "@/lib/payments/refunds/refund-card-payment";
import { completeCardSetup, openCardSetup } from "@/lib/subscriptions/card-setup";
import { listCustomerCards, makeDefaultCard, removeCard } from "@/lib/subscriptions/cards";
import { ensureStripeCustomer, linkStripeCustomer } from "@/lib/subscriptions/stripe-customer";
import { submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { openInvoiceFor, paymentState } from "../support/card-payment";
import { queuedMailJobs } from "../support/mail";
import { createMember } from "../support/factories";
import { browserContractTest, contractSuite, contractTest } from "./support/contract";
import { CONTRACT_APP_URL, contractTarget } from "./support/target";
import { connectedDojo, memberWithCard, type ConnectedDojo } from "./support/world";
import { wordsOf } from "../support/refusal";

async function memberCustomerId(world: ConnectedDojo, memberId: string) {
  const [row] = await world.db.select({ id: members.stripeCustomerId }).from(members).where(eq(members.id, memberId));
  return row.id;
}

contractSuite("Members' Stripe customers and saved cards", () => {
  contractTest(
    "a member gets one Stripe customer however often it is asked for; an existing customer is checked and linked with its subscriptions",
    ["customers.create", "customers.retrieve", "subscriptions.list"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, stripe } = world;
      const member = await createMember(dojo.id);
      const customerId = await ensureStripeCustomer(db, stripe, dojo.id, member.id);
      expect(await ensureStripeCustomer(db, stripe, dojo.id, member.id)).toBe(customerId);
      expect(await admin.customers.retrieve(customerId)).toMatchObject({ id: customerId, name: `${member.firstName} ${member.lastName}`, email: member.email, metadata: { tatami_dojo_id: dojo.id, tatami_member_id: member.id } });

      const other = await createMember(dojo.id);
      const existing = await admin.customers.create({ name: "Made in the dashboard" });
      await linkStripeCustomer(db, stripe, dojo.id, other.id, existing.id);
      expect(await memberCustomerId(world, other.id)).toBe(existing.id);
      const third = await createMember(dojo.id);
      await expect(wordsOf(linkStripeCustomer(db, stripe, dojo.id, third.id, "cus_contractDoesNotExist"))).resolves.toMatch("No customer cus_contractDoesNotExist exists in this dojo's Stripe account.");
      await expect(wordsOf(linkStripeCustomer(db, stripe, dojo.id, third.id, existing.id))).resolves.toMatch(`Customer ${existing.id} is already linked to`);
    },
  );

  contractTest(
    "saved cards are listed with the default first, made default and removed; another customer's card is refused",
    ["customers.retrieve", "paymentMethods.list", "paymentMethods.retrieve", "customers.update", "paymentMethods.detach"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, stripe } = world;
      const { memberId, customerId, paymentMethodId: visa } = await memberWithCard(world);
      const mastercard = (await admin.paymentMethods.attach("pm_card_mastercard", { customer: customerId })).id;

      expect(await listCustomerCards(stripe, customerId)).toEqual([
        { paymentMethodId: visa, kind: "card", brand: "visa", last4: "4242", expMonth: expect.any(Number), expYear: expect.any(Number), isDefault: true },
        expect.objectContaining({ paymentMethodId: mastercard, brand: "mastercard", last4: "4444", isDefault: false }),
      ]);
      await makeDefaultCard(stripe, customerId, mastercard);
      expect((await admin.customers.retrieve(customerId)) as { invoice_settings: { default_payment_method: string } }).toMatchObject({ invoice_settings: { default_payment_method: mastercard } });
      expect(await memberSavedCard(db, dojo.id, memberId)).toMatchObject({ paymentMethodId: mastercard, brand: "mastercard", last4: "4444" });

      const stranger = await memberWithCard(world);
      await expect(wordsOf(makeDefaultCard(stripe, customerId, stranger.paymentMethodId))).resolves.toMatch("That card was not found.");
      await expect(wordsOf(removeCard(stripe, customerId, stranger.paymentMethodId))).resolves.toMatch("That card was not found.");

      await removeCard(stripe, customerId, visa);
      expect((await admin.paymentMethods.retrieve(visa)).customer).toBeNull();
      expect((await listCustomerCards(stripe, customerId))!.map((c) => c.paymentMethodId)).toEqual([mastercard]);
    },
  );
});

contractSuite("Charging a saved card (PaymentIntent, card holder present) and refunding it", () => {
  contractTest(
    "charges the open amount once, records it, and refunds part and then the rest",
    ["customers.retrieve", "paymentIntents.create", "refunds.create"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, ctx } = world;
      const { member, invoice } = await openInvoiceFor(dojo);
      const { customerId, paymentMethodId } = await memberWithCard(world, { memberId: member.id });

      expect(await chargeSavedCard(db, { dojoId: dojo.id, invoiceId: invoice.id, staffId: ctx.user.id })).toEqual({ status: "succeeded", invoiceId: invoice.id, recorded: true });
      const state = await paymentState(invoice.id);
      expect(state.invoice.status).toBe("paid");
      expect(state.payments).toEqual([expect.objectContaining({ method: "card", amountMinor: 5_000, stripePaymentIntentId: expect.stringMatching(/^pi_/), stripeChargeId: expect.stringMatching(/^ch_/) })]);
      expect(state.entries).toHaveLength(1);
      const pi = await admin.paymentIntents.retrieve(state.payments[0].stripePaymentIntentId!);
      expect(pi).toMatchObject({ status: "succeeded", amount: 5_000, amount_received: 5_000, currency: "eur", customer: customerId, payment_method: paymentMethodId, description: `Invoice ${invoice.number}`, metadata: { tatami_dojo_id: dojo.id, tatami_invoice_id: invoice.id } });

      const refund = (amount: string) => refundCardPayment(db, { dojoId: dojo.id, staffId: ctx.user.id }, { paymentId: state.payments[0].id, amount, reason: "Overcharged", nonce: randomUUID() });
      const first = await refund("10.00");
      expect(first).toMatchObject({ created: true, refund: { amountMinor: 1_000, stripeRefundId: expect.stringMatching(/^re_/) } });
      await refund("40.00");
      await expect(wordsOf(refund("0.01"))).resolves.toMatch("This payment has been refunded in full.");
      const inStripe = await admin.refunds.list({ payment_intent: pi.id });
      expect(inStripe.data.map((r) => [r.amount, r.status, r.metadata?.tatami_reason]).sort()).toEqual([
        [1_000, "succeeded", "Overcharged"],
        [4_000, "succeeded", "Overcharged"],
      ]);
    },
  );

  contractTest(
    "a card that needs 3-D Secure is handed to the browser, and nothing is booked while Stripe still waits for the card holder",
    ["paymentIntents.create", "paymentIntents.retrieve"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, ctx } = world;
      const { member, invoice } = await openInvoiceFor(dojo);
      await memberWithCard(world, { memberId: member.id, card: "pm_card_authenticationRequired" });
      const charged = await chargeSavedCard(db, { dojoId: dojo.id, invoiceId: invoice.id, staffId: ctx.user.id });
      expect(charged).toMatchObject({ status: "requires_action", invoiceId: invoice.id, paymentIntentId: expect.stringMatching(/^pi_/), publishableKey: contractTarget().publishableKey(world.secretKey) });
      if (charged.status !== "requires_action") throw new Error("unreachable");
      expect(charged.clientSecret.startsWith(`${charged.paymentIntentId}_secret_`)).toBe(true);
      await expect(wordsOf(confirmSavedCardPayment(db, { dojoId: dojo.id, paymentIntentId: charged.paymentIntentId, staffId: ctx.user.id }))).resolves.toMatch("did not confirm the payment");
      const state = await paymentState(invoice.id);
      expect(state.invoice.status).toBe("open");
      expect(state.payments).toEqual([]);
    },
  );

  contractTest("a declined card is refused with Stripe's reason and the invoice stays open", ["paymentIntents.create"], async () => {
    const world = await connectedDojo();
    const { db, dojo, admin, ctx } = world;
    const { member, invoice } = await openInvoiceFor(dojo);
    // A card that declines at once cannot be saved at all; this one saves, then every charge fails.
    const { customerId } = await memberWithCard(world, { memberId: member.id, card: "pm_card_chargeCustomerFail" });
    await expect(wordsOf(chargeSavedCard(db, { dojoId: dojo.id, invoiceId: invoice.id, staffId: ctx.user.id }))).resolves.toMatch(/^The card was declined: .+ The invoice is still open\.$/);
    const [attempt] = (await admin.paymentIntents.list({ customer: customerId })).data;
    expect(attempt).toMatchObject({ status: "requires_payment_method", last_payment_error: { type: "card_error", code: "card_declined" } });
    expect((await paymentState(invoice.id)).invoice.status).toBe("open");
  });
});

contractSuite("Saving a card in embedded Checkout (setup mode)", () => {
  contractTest(
    "opens a setup session for the member's customer (made on the way); before a card is entered the setup is still open",
    ["customers.create", "checkout.sessions.create", "checkout.sessions.retrieve"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, stripe } = world;
      const member = await createMember(dojo.id);
      const opened = await openCardSetup(db, stripe, { dojoId: dojo.id, payer: member.id, connection: { publishableKey: contractTarget().publishableKey(world.secretKey), currency: dojo.currency }, returnPath: "/card/contract" });
      const customerId = await memberCustomerId(world, member.id);
      expect(customerId).toMatch(/^cus_/);
      const session = await admin.checkout.sessions.retrieve(opened.sessionId);
      expect(session).toMatchObject({ mode: "setup", ui_mode: "embedded_page", status: "open", customer: customerId, metadata: { tatami_dojo_id: dojo.id, tatami_member_id: member.id, tatami_purpose: "card_setup" } });
      expect(session.return_url).toContain(`${CONTRACT_APP_URL}/card/contract?checkout_session=`);
      expect(await completeCardSetup(db, stripe, { dojoId: dojo.id, sessionId: opened.sessionId })).toEqual({ status: "open" });
    },
  );

  browserContractTest(
    "the card entered in Checkout becomes the customer's default and the member is told",
    ["checkout.sessions.retrieve", "customers.update"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, stripe } = world;
      const member = await createMember(dojo.id);
      const opened = await openCardSetup(db, stripe, { dojoId: dojo.id, payer: member.id, connection: { publishableKey: contractTarget().publishableKey(world.secretKey), currency: dojo.currency }, returnPath: "/card/contract" });
      expect((await submitCheckoutForm(opened.sessionId, { card_number: "4242424242424242" }, { embedded: true })).status).toBeLessThan(400);

      const saved = await completeCardSetup(db, stripe, { dojoId: dojo.id, sessionId: opened.sessionId, payer: member.id });
      expect(saved).toEqual({ status: "saved", payer: { kind: "member", memberId: member.id }, paymentMethodId: expect.stringMatching(/^pm_/), method: "Visa •••• 4242" });
      if (saved.status !== "saved") throw new Error("unreachable");
      const customer = await admin.customers.retrieve((await memberCustomerId(world, member.id))!);
      expect(customer).toMatchObject({ invoice_settings: { default_payment_method: saved.paymentMethodId } });
      const mails = (await queuedMailJobs()).filter((job) => job.kind === "mail.card-added" && job.payload.memberId === member.id);
      expect(mails).toHaveLength(1);
    },
  );
});
