import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { memberSubscriptions } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { addSubscriptionFee, pendingFeesByCustomer, removeSubscriptionFee } from "@/lib/subscriptions/fees";
import { createPlan } from "@/lib/subscriptions/plans";
import { subscribeMember } from "@/lib/subscriptions/subscribe";
import { contractSuite, contractTest } from "./support/contract";
import { connectedDojo, memberWithCard, type ConnectedDojo } from "./support/world";

async function subscribed(world: ConnectedDojo, opts: { trialDays?: number; signupFee?: string }) {
  const { db, dojo, stripe } = world;
  const plan = await createPlan(db, stripe, { dojoId: dojo.id, currency: dojo.currency, name: "Fees monthly", amount: "39.00", interval: "month", intervalCount: 1, attempt: randomUUID(), ...opts });
  const { memberId, customerId } = await memberWithCard(world);
  const result = await subscribeMember(db, stripe, { dojoId: dojo.id, memberId, planId: plan.id, currency: dojo.currency, attempt: randomUUID() });
  const [row] = await db.select().from(memberSubscriptions).where(eq(memberSubscriptions.id, result.subscriptionId));
  return { plan, customerId, result, row };
}

contractSuite("Fees on member subscriptions (Billing)", () => {
  contractTest(
    "a sign-up fee: with a trial a pending invoice item for the first invoice after it; without, a line of the first invoice (add_invoice_items)",
    ["products.create", "subscriptions.create", "invoiceItems.create", "invoiceItems.list", "invoices.listLineItems"],
    async () => {
      const world = await connectedDojo();
      const trial = await subscribed(world, { trialDays: 30, signupFee: "30.00" });
      expect(trial.result.firstPayment).toBe("none");
      const sub = await world.admin.subscriptions.retrieve(trial.row.stripeSubscriptionId, { expand: ["latest_invoice"] });
      expect(sub.latest_invoice).toMatchObject({ amount_due: 0, status: "paid" });
      const pending = await pendingFeesByCustomer(world.stripe, trial.customerId);
      expect(pending.get(trial.row.stripeSubscriptionId)).toEqual([{ id: expect.stringMatching(/^ii_/), description: "Fees monthly sign-up fee", amountMinor: 3_000, currency: "EUR", kind: "signup" }]);

      const now = await subscribed(world, { signupFee: "20.00" });
      expect(now.result.firstPayment).toBe("paid");
      const first = await world.admin.subscriptions.retrieve(now.row.stripeSubscriptionId, { expand: ["latest_invoice"] });
      const invoiceId = typeof first.latest_invoice === "string" ? first.latest_invoice : first.latest_invoice!.id;
      expect(first.latest_invoice).toMatchObject({ amount_paid: 3_900 + 2_000 });
      const lines = (await world.admin.invoices.listLineItems(invoiceId!)).data;
      expect(lines.map((l) => l.amount).sort()).toEqual([2_000, 3_900]);
      expect(lines.find((l) => l.amount === 2_000)!.description).toContain("Fees monthly sign-up fee");
    },
  );

  contractTest(
    "a fee on the next renewal: added once per attempt, listed, removed; another subscription's item is not found",
    ["subscriptions.retrieve", "invoiceItems.create", "invoiceItems.list", "invoiceItems.retrieve", "invoiceItems.del"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, stripe } = world;
      const { row, customerId } = await subscribed(world, {});
      const input = { dojoId: dojo.id, subscriptionId: row.id, description: "Grading fee", amount: "25.00", attempt: randomUUID() };
      const fee = await addSubscriptionFee(db, stripe, input);
      expect(await addSubscriptionFee(db, stripe, input)).toEqual(fee);
      expect(fee).toEqual({ id: expect.stringMatching(/^ii_/), description: "Grading fee", amountMinor: 2_500, currency: "EUR", kind: "fee" });
      expect((await pendingFeesByCustomer(stripe, customerId)).get(row.stripeSubscriptionId)).toEqual([fee]);

      const other = await subscribed(world, {});
      const foreign = await addSubscriptionFee(db, stripe, { ...input, subscriptionId: other.row.id, attempt: randomUUID() });
      await expect(removeSubscriptionFee(db, stripe, { dojoId: dojo.id, subscriptionId: row.id, invoiceItemId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);

      await removeSubscriptionFee(db, stripe, { dojoId: dojo.id, subscriptionId: row.id, invoiceItemId: fee.id });
      expect((await pendingFeesByCustomer(stripe, customerId)).get(row.stripeSubscriptionId)).toBeUndefined();
      await expect(world.admin.invoiceItems.retrieve(fee.id)).rejects.toMatchObject({ statusCode: 404 });
    },
  );
});
