import { expect } from "vitest";
import { runMoneyCheck } from "@/lib/stripe/money-check/check";
import { recordInTatami } from "@/lib/stripe/money-check/settle";
import { openInvoiceFor, paymentState } from "../support/card-payment";
import { contractSuite, contractTest } from "./support/contract";
import { connectedDojo } from "./support/world";
import { wordsOf } from "../support/refusal";

// Money the account holds that Tatami never heard of is made in the dashboard's way (the admin
// client): PaymentIntents without redirects confirmed server-side with Stripe's test PaymentMethods
// (https://docs.stripe.com/testing#cards), so no redirect method needs a return_url.
const capture = (admin: import("stripe").default, amount: number, metadata: Record<string, string>) =>
  admin.paymentIntents.create({ amount, currency: "eur", automatic_payment_methods: { enabled: true, allow_redirects: "never" }, payment_method: "pm_card_visa", confirm: true, metadata });

// A look-back of a few minutes keeps a shared real account's older charges out of the run.
const RECENT_DAYS = 1 / 96;

contractSuite("The money check against the dojo's Stripe account", () => {
  contractTest(
    "lists a captured payment Tatami never recorded; 'record it' books it on its invoice; a refund made in the dashboard is read and booked",
    ["charges.list", "refunds.list", "paymentIntents.retrieve", "refunds.retrieve"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, ctx } = world;
      const { invoice } = await openInvoiceFor(dojo);
      const lost = await capture(admin, 5000, { tatami_dojo_id: dojo.id, tatami_invoice_id: invoice.id });

      const found = await runMoneyCheck(db, dojo.id, { days: RECENT_DAYS });
      expect(found.differences).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "charge_not_recorded", stripeId: lost.id, stripeMinor: 5000, actions: ["record", "refund"] })]));

      await recordInTatami(db, { dojoId: dojo.id, staffId: ctx.user.id }, lost.id);
      expect((await paymentState(invoice.id)).invoice).toMatchObject({ status: "paid", paidMinor: 5000 });

      const refund = await admin.refunds.create({ payment_intent: lost.id, amount: 1000 });
      await recordInTatami(db, { dojoId: dojo.id, staffId: ctx.user.id }, refund.id);
      expect((await paymentState(invoice.id)).invoice.refundedMinor).toBe(1000);
      expect((await runMoneyCheck(db, dojo.id, { days: RECENT_DAYS })).differences.filter((d) => d.stripeId === lost.id || d.stripeId === refund.id)).toEqual([]);
    },
  );

  contractTest(
    "'record it' asks Stripe which Checkout Session a webshop payment came from and which invoice a subscription payment paid; none found is a clear refusal",
    ["paymentIntents.retrieve", "checkout.sessions.list", "invoicePayments.list"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, ctx } = world;
      const shop = await capture(admin, 1500, { tatami_dojo_id: dojo.id, tatami_order_id: "00000000-0000-4000-8000-000000000000" });
      await expect(wordsOf(recordInTatami(db, { dojoId: dojo.id, staffId: ctx.user.id }, shop.id))).resolves.toMatch("Stripe has no Checkout Session for this webshop payment. Refund it instead.");
      const other = await capture(admin, 1500, { tatami_dojo_id: dojo.id });
      await expect(wordsOf(recordInTatami(db, { dojoId: dojo.id, staffId: ctx.user.id }, other.id))).resolves.toMatch("Tatami cannot tell which invoice this payment is for.");
    },
  );
});
