import type Stripe from "stripe";
import { expect } from "vitest";
import { chargeSavedCard } from "@/lib/payments/card/charge-saved-card";
import { dispatchEvent } from "@/lib/stripe/webhooks/dispatch";
import { openInvoiceFor, paymentState } from "../support/card-payment";
import { contractSuite, contractTest } from "./support/contract";
import { eventually } from "./support/target";
import { connectedDojo, eventAbout, memberWithCard } from "./support/world";

contractSuite("Disputes", () => {
  contractTest(
    "a card dispute books nothing while open; lost, it is booked back once, also when its event comes in an older API version and the dispute is read again",
    ["disputes.retrieve"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, ctx, admin, stripe } = world;
      const { member, invoice } = await openInvoiceFor(dojo);
      // Stripe's disputing test card (https://docs.stripe.com/testing#disputes): paid, then disputed as fraudulent.
      await memberWithCard(world, { memberId: member.id, card: "pm_card_createDispute" });
      expect(await chargeSavedCard(db, { dojoId: dojo.id, invoiceId: invoice.id, staffId: ctx.user.id })).toMatchObject({ status: "succeeded", recorded: true });
      const paymentIntentId = (await paymentState(invoice.id)).payments[0].stripePaymentIntentId!;
      const dispute = await eventually("the dispute", async () => (await admin.disputes.list({ payment_intent: paymentIntentId })).data[0]);
      expect(dispute).toMatchObject({ status: "needs_response", reason: "fraudulent", amount: 5_000, currency: "eur" });

      expect(await dispatchEvent(db, dojo.id, stripe, await eventAbout(admin, "charge.dispute.created", dispute.id))).toBe("ignored");
      expect((await paymentState(invoice.id)).invoice).toMatchObject({ status: "paid", paidMinor: 5_000 });

      // The owner accepts the dispute in the dashboard.
      expect(await admin.disputes.close(dispute.id)).toMatchObject({ status: "lost" });
      const closed = await eventAbout(admin, "charge.dispute.closed", dispute.id);
      const older = { ...closed, api_version: "2024-06-20" } as Stripe.Event;
      expect(await dispatchEvent(db, dojo.id, stripe, older)).toBe("processed");
      expect(await dispatchEvent(db, dojo.id, stripe, older)).toBe("duplicate");
      const state = await paymentState(invoice.id);
      expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
      expect(state.payments).toEqual([expect.objectContaining({ stripeDisputeId: dispute.id, disputedMinor: 5_000 })]);
      expect(state.entries.map((e) => e.amountMinor).sort((a, b) => a - b)).toEqual([-5_000, 5_000]);
    },
  );
});
