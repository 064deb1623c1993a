import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { invoiceLines, invoices, memberSubscriptions, subscriptionPlans } from "@/db/schema";
import { createPlanAction } from "@/app/(staff)/members/plans/actions";
import { copyCardLinkAction, subscribeAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { addFamilyMemberAction, createFamilyAction } from "@/app/(staff)/members/families/actions";
import { advanceClock, DAY, JAN_1_2026 } from "@tatami/stripe-emulator/billing-support";
import { dispatchEvent } from "@/lib/stripe/webhooks/dispatch";
import { dojoWithStripe } from "../support/card-payment";
import { familyOfThree } from "../support/family";
import { createMember } from "../support/factories";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));

async function familyInvoices(familyId: string) {
  const db = await getDb();
  const rows = await db.select().from(invoices).where(eq(invoices.familyId, familyId)).orderBy(asc(invoices.issueDate), asc(invoices.totalMinor));
  const lines = rows.length ? await db.select().from(invoiceLines).where(inArray(invoiceLines.invoiceId, rows.map((r) => r.id))) : [];
  return rows.map((r) => ({ ...r, lines: lines.filter((l) => l.invoiceId === r.id) }));
}

describe("a family's subscriptions", () => {
  it("subscribes each child on the payer's card, addresses the invoices to the payer with the child named, and discounts from the second member", async () => {
    const { stripe, parent, kids, familyId, planId, customer } = await familyOfThree();
    const [ren, mei] = kids;
    const first = await subscribeAction({ memberId: ren.id, planId, attempt: randomUUID() });
    expect(first).toMatchObject({ ok: true, data: { firstPayment: "paid" } });
    const second = await subscribeAction({ memberId: mei.id, planId, attempt: randomUUID() });
    expect(second).toMatchObject({ ok: true, data: { firstPayment: "paid" } });

    // One Stripe customer (the payer's), two subscriptions: the second at the family discount.
    const subs = await stripe.subscriptions.list({ customer: customer.id });
    expect(subs.data.map((s) => s.items.data[0].price.unit_amount).sort()).toEqual([4050, 4500]);
    const db = await getDb();
    const rows = await db.select().from(memberSubscriptions).where(inArray(memberSubscriptions.memberId, [ren.id, mei.id, parent.id]));
    const [plan] = await db.select().from(subscriptionPlans).where(eq(subscriptionPlans.id, planId));
    expect(rows.map((r) => [r.memberId, r.planId, r.latestAmountMinor]).sort()).toEqual(
      [
        [ren.id, plan.id, 4500],
        [mei.id, plan.id, 4050],
      ].sort(),
    );

    const books = await familyInvoices(familyId);
    expect(books.map((i) => [i.memberId, i.status, i.totalMinor, i.paidMinor])).toEqual([
      [parent.id, "paid", 4050, 4050],
      [parent.id, "paid", 4500, 4500],
    ]);
    expect(books.map((i) => i.lines.map((l) => [l.memberId, l.description.split(":")[0]]))).toEqual([[[mei.id, "Mei Ito"]], [[ren.id, "Ren Ito"]]]);
  });

  it("renewals stay family invoices, one per child and period, from webhooks in any order", async () => {
    const { stripe, dojo, clock, kids, familyId, planId } = await familyOfThree();
    for (const kid of kids) expect(await subscribeAction({ memberId: kid.id, planId, attempt: randomUUID() })).toMatchObject({ ok: true });
    await advanceClock(stripe, clock.id, JAN_1_2026 + 31 * DAY + 2 * 3600);
    const events: Stripe.Event[] = [];
    for await (const e of stripe.events.list({ limit: 100 })) if (e.type.startsWith("invoice.") || e.type.startsWith("customer.subscription.")) events.push(e);
    const db = await getDb();
    for (const e of events) await dispatchEvent(db, dojo.id, stripe, e);
    const books = await familyInvoices(familyId);
    expect(books.map((i) => [i.issueDate, i.status, i.totalMinor, i.lines[0].memberId])).toEqual([
      ["2026-01-01", "paid", 4050, kids[1].id],
      ["2026-01-01", "paid", 4500, kids[0].id],
      ["2026-02-01", "paid", 4050, kids[1].id],
      ["2026-02-01", "paid", 4500, kids[0].id],
    ]);
    expect(await db.$count(invoices, and(eq(invoices.dojoId, dojo.id)))).toBe(4);
  });

  it("a child's card link is the payer's, and a payer without a card blocks subscribing with a clear message", async () => {
    const ctx = await dojoWithStripe();
    const [parent, child] = [await createMember(ctx.dojo.id), await createMember(ctx.dojo.id)];
    const family = await createFamilyAction({ name: "Mori", payerKind: "member", payerMemberId: parent.id });
    if (!family.ok) throw new Error(family.error);
    await addFamilyMemberAction({ familyId: family.data.id, memberId: child.id });
    const [ofParent, ofChild] = [await copyCardLinkAction({ memberId: parent.id }), await copyCardLinkAction({ memberId: child.id })];
    expect(ofParent.ok && ofChild.ok && ofChild.data.url === ofParent.data.url).toBe(true);
    const plan = await createPlanAction({ name: "Kids", amount: "30.00", interval: "month", intervalCount: 1, attempt: randomUUID() });
    if (!plan.ok) throw new Error(plan.error);
    expect(await subscribeAction({ memberId: child.id, planId: plan.data.id, attempt: randomUUID() })).toMatchObject({ ok: false, error: expect.stringMatching(/no Stripe customer yet/) });
  });
});
