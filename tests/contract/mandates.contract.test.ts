import { expect } from "vitest";
import { chargeSavedCard } from "@/lib/payments/card/charge-saved-card";
import { pendingDelayedPayment } from "@/lib/payments/card/delayed-checkout";
import { completeCardSetup, openCardSetup } from "@/lib/subscriptions/card-setup";
import { listCustomerCards } from "@/lib/subscriptions/cards";
import { ensureStripeCustomer } from "@/lib/subscriptions/stripe-customer";
import { submitBankMethod, TEST_IBANS } from "@tatami/stripe-emulator/test-support";
import { paymentState } from "../support/card-payment";
import { createTestInvoice } from "../support/invoice-factory";
import { createMember } from "../support/factories";
import { browserContractTest, contractSuite, contractTest } from "./support/contract";
import { contractTarget } from "./support/target";
import { connectedDojo, type ConnectedDojo } from "./support/world";

// SEPA Direct Debit mandates for recurring payments (issue 20, item 3): setup mode offers SEPA in a
// EUR dojo that takes it; a saved account is listed with its mandate; a charge debits it and waits.
// https://docs.stripe.com/payments/sepa-debit/set-up-payment?payment-ui=checkout

const SEPA = { paymentMethods: ["card", "sepa_debit"] };

/**
 * A member whose customer has a SEPA account with a mandate, made server-side as Stripe documents
 * for tests (a SetupIntent with the IBAN and the payer's online acceptance), then the default.
 * https://docs.stripe.com/api/setup_intents/create#create_setup_intent-mandate_data
 */
async function memberWithMandate(world: ConnectedDojo) {
  const member = await createMember(world.dojo.id);
  const customerId = await ensureStripeCustomer(world.db, world.stripe, world.dojo.id, member.id);
  const si = await world.admin.setupIntents.create({
    customer: customerId,
    payment_method_data: { type: "sepa_debit", sepa_debit: { iban: TEST_IBANS.succeeds }, billing_details: { name: "Jeanne Martin", email: "jeanne@example.test" } },
    mandate_data: { customer_acceptance: { type: "online", online: { ip_address: "198.51.100.7", user_agent: "tatami-contract" } } },
    confirm: true,
  });
  await world.admin.customers.update(customerId, { invoice_settings: { default_payment_method: si.payment_method as string } });
  return { member, customerId, paymentMethodId: si.payment_method as string, mandateId: si.mandate as string };
}

contractSuite("SEPA Direct Debit mandates", () => {
  contractTest(
    "setup mode offers SEPA Direct Debit besides cards when the EUR dojo takes it",
    ["customers.create", "checkout.sessions.create"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, stripe } = world;
      const member = await createMember(dojo.id);
      const opened = await openCardSetup(db, stripe, { dojoId: dojo.id, payer: member.id, connection: { publishableKey: contractTarget().publishableKey(world.secretKey), currency: dojo.currency, ...SEPA }, returnPath: "/card/contract" });
      const session = await admin.checkout.sessions.retrieve(opened.sessionId);
      expect(session).toMatchObject({ mode: "setup", currency: "eur", status: "open" });
      expect(session.payment_method_types).toEqual(expect.arrayContaining(["card", "sepa_debit"]));
    },
  );

  contractTest(
    "a saved SEPA account is listed as the default with its IBAN's last four, bank code and mandate",
    ["customers.retrieve", "paymentMethods.list", "setupIntents.list", "mandates.retrieve"],
    async () => {
      const world = await connectedDojo();
      const { customerId, paymentMethodId, mandateId } = await memberWithMandate(world);
      const cards = await listCustomerCards(world.stripe, customerId, { withMandate: true });
      expect(cards).toEqual([
        expect.objectContaining({ paymentMethodId, kind: "sepa_debit", brand: "sepa_debit", last4: "3000", isDefault: true, bankCode: expect.any(String), mandate: expect.objectContaining({ id: mandateId, status: "active", acceptedAt: expect.any(Date) }) }),
      ]);
    },
  );

  contractTest(
    "charging the saved account debits it under the mandate: processing, nothing booked, the invoice pending",
    ["customers.retrieve", "paymentIntents.create"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, ctx } = world;
      const { member } = await memberWithMandate(world);
      const own = await createTestInvoice(dojo, member.id, { issue: true, lines: [{ description: "Monthly training", quantity: "1", unitPrice: "45.00" }] });
      const charged = await chargeSavedCard(db, { dojoId: dojo.id, invoiceId: own.id, staffId: ctx.user.id });
      expect(charged).toEqual({ status: "processing", invoiceId: own.id });
      const state = await paymentState(own.id);
      expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
      expect(state.payments).toEqual([]);
      expect(await pendingDelayedPayment(db, dojo.id, own.id)).toMatchObject({ method: "sepa_debit" });
    },
  );

  browserContractTest(
    "a mandate given on Checkout's page becomes the customer's default, named as a SEPA account",
    ["checkout.sessions.retrieve", "customers.update"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, stripe } = world;
      const member = await createMember(dojo.id);
      const opened = await openCardSetup(db, stripe, { dojoId: dojo.id, payer: member.id, connection: { publishableKey: contractTarget().publishableKey(world.secretKey), currency: dojo.currency, ...SEPA }, returnPath: "/card/contract" });
      expect((await submitBankMethod(opened.sessionId, "sepa_debit", { iban: TEST_IBANS.succeeds }, { embedded: true })).status).toBeLessThan(400);
      const saved = await completeCardSetup(db, stripe, { dojoId: dojo.id, sessionId: opened.sessionId, payer: member.id });
      expect(saved).toMatchObject({ status: "saved", method: "SEPA Direct Debit •••• 3000" });
      if (saved.status !== "saved") throw new Error("unreachable");
      const session = await admin.checkout.sessions.retrieve(opened.sessionId, { expand: ["setup_intent"] });
      expect(session.setup_intent).toMatchObject({ status: "succeeded", mandate: expect.stringMatching(/^mandate_/) });
      expect(await admin.customers.retrieve(session.customer as string)).toMatchObject({ invoice_settings: { default_payment_method: saved.paymentMethodId } });
    },
  );
});
