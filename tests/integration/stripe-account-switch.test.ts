import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cardCheckouts, memberSubscriptions, members, stripeConnections, subscriptionPlans } from "@/db/schema";
import { connectStripeAccount, disconnectStripeAccount } from "@/app/(staff)/settings/stripe/actions";
import { newSecretKey, stripeClient } from "@/emulator/stripe/test-support";
import { createMember, signedInDojo } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";

const connect = (sk: string, confirmAccountSwitch = false) => connectStripeAccount({ publishableKey: sk.replace(/^sk_/, "pk_"), secretKey: sk, currency: "EUR", attempt: randomUUID(), confirmAccountSwitch });

/** A dojo connected to account A, with one member linked to a customer of A and one plan priced in A. */
async function dojoLinkedToAccount() {
  const db = await getDb();
  const { dojo } = await signedInDojo({ plan: "ultimate", currency: "EUR" });
  const skA = newSecretKey("switcha");
  const connected = await connect(skA);
  if (!connected.ok) throw new Error(`${connected.error} ${JSON.stringify(connected.fieldErrors)}`);
  const stripeA = stripeClient(skA);
  const customer = await stripeA.customers.create({ name: "Linked member" });
  const member = await createMember(dojo.id, { stripeCustomerId: customer.id });
  const product = await stripeA.products.create({ name: "Judo" });
  const price = await stripeA.prices.create({ product: product.id, currency: "eur", unit_amount: 4_500, recurring: { interval: "month" } });
  const [plan] = await db.insert(subscriptionPlans).values({ dojoId: dojo.id, name: "Judo", amountMinor: 4_500, currency: "EUR", interval: "month", stripeProductId: product.id, stripePriceId: price.id }).returning();
  return { db, dojo, skA, member, plan };
}

async function state(dojoId: string, memberId: string, planId: string) {
  const db = await getDb();
  const [connection] = await db.select({ accountId: stripeConnections.accountId }).from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  const [member] = await db.select({ customerId: members.stripeCustomerId }).from(members).where(eq(members.id, memberId));
  const [plan] = await db.select({ archived: subscriptionPlans.archived }).from(subscriptionPlans).where(eq(subscriptionPlans.id, planId));
  return { accountId: connection?.accountId, customerId: member.customerId, archived: plan.archived };
}

const accountOf = async (sk: string) => (await stripeClient(sk).accounts.retrieveCurrent()).id;

describe("switching the dojo to another Stripe account", () => {
  it("asks first, then unlinks the old account's customers and archives its plans", async () => {
    const { dojo, skA, member, plan } = await dojoLinkedToAccount();
    const before = await state(dojo.id, member.id, plan.id);
    const skB = newSecretKey("switchb");

    const asked = await connect(skB);
    expect(asked.ok).toBe(false);
    if (asked.ok) return;
    expect(asked.fieldErrors?.confirmAccountSwitch?.[0]).toMatch(/1 member is linked to a customer and 1 plan uses a price/);
    expect(await state(dojo.id, member.id, plan.id)).toEqual(before);
    // Nothing was made in the new account before the yes.
    expect((await stripeClient(skB).webhookEndpoints.list()).data).toHaveLength(0);

    expect(await connect(skB, true)).toMatchObject({ ok: true });
    expect(await state(dojo.id, member.id, plan.id)).toEqual({ accountId: await accountOf(skB), customerId: null, archived: true });
    expect((await stripeClient(skA).webhookEndpoints.list()).data).toHaveLength(0);
  });

  it("keeps every link when the keys are the same account's (a rotated key)", async () => {
    const { dojo, skA, member, plan } = await dojoLinkedToAccount();
    const before = await state(dojo.id, member.id, plan.id);
    expect(await connect(skA)).toMatchObject({ ok: true });
    expect(await state(dojo.id, member.id, plan.id)).toEqual(before);
  });

  it("refuses while a member subscription can still charge in the old account, even with a yes", async () => {
    const { db, dojo, member, plan } = await dojoLinkedToAccount();
    await db.insert(memberSubscriptions).values({ dojoId: dojo.id, memberId: member.id, planId: plan.id, stripeSubscriptionId: `sub_${randomUUID()}`, status: "past_due", currency: "EUR" });
    const before = await state(dojo.id, member.id, plan.id);

    const result = await connect(newSecretKey("switchb"), true);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/1 member subscription is still running .* Nothing was changed/) });
    expect(await state(dojo.id, member.id, plan.id)).toEqual(before);
  });

  it("refuses while a payment page of the old account is open", async () => {
    const { db, dojo, member, plan } = await dojoLinkedToAccount();
    const invoice = await createTestInvoice(dojo, member.id);
    await db.insert(cardCheckouts).values({ dojoId: dojo.id, invoiceId: invoice.id, amountMinor: invoice.totalMinor, currency: invoice.currency, status: "open" });

    const result = await connect(newSecretKey("switchb"), true);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/1 payment page is still open/) });
    expect((await state(dojo.id, member.id, plan.id)).customerId).not.toBeNull();
  });

  it("after a disconnect, tells another account from the same one by the linked customer", async () => {
    const { dojo, skA, member, plan } = await dojoLinkedToAccount();
    expect(await disconnectStripeAccount({})).toMatchObject({ ok: true });
    const linked = await state(dojo.id, member.id, plan.id);

    // The same account again: nothing to ask, nothing lost.
    expect(await connect(skA)).toMatchObject({ ok: true });
    expect(await state(dojo.id, member.id, plan.id)).toMatchObject({ customerId: linked.customerId, archived: false });

    expect(await disconnectStripeAccount({})).toMatchObject({ ok: true });
    const skB = newSecretKey("switchb");
    const asked = await connect(skB);
    expect(asked.ok).toBe(false);
    if (!asked.ok) expect(asked.fieldErrors?.confirmAccountSwitch?.[0]).toMatch(/another Stripe account/);
    expect(await connect(skB, true)).toMatchObject({ ok: true });
    expect(await state(dojo.id, member.id, plan.id)).toMatchObject({ customerId: null, archived: true });
  });
});
