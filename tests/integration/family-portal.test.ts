import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { dojos, invoices, memberSubscriptions, members } from "@/db/schema";
import { subscribeAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { addFamilyMemberAction, createFamilyAction } from "@/app/(staff)/members/families/actions";
import { openMemberCheckoutAction, payWithSavedCardAction } from "@/app/portal/(member)/card-actions";
import { openReplaceCardAction, pauseMySubscriptionAction, resumeMySubscriptionAction } from "@/app/portal/(member)/subscription-actions";
import { getMemberInvoice, listMemberInvoices } from "@/lib/portal/invoices";
import { portalScope } from "@/lib/portal/family-scope";
import { createTestInvoice } from "../support/invoice-factory";
import { familyOfThree } from "../support/family";
import { createMember, signInAsMember, signInAsStaff } from "../support/factories";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));

async function memberRow(id: string) {
  const [row] = await (await getDb()).select().from(members).where(eq(members.id, id));
  return row;
}

describe("a family in the members area", () => {
  it("the payer sees and pays the family's invoices; a child sees their own read-only and cannot pay or change the card", async () => {
    const { dojo, owner, parent, kids, familyId, planId } = await familyOfThree();
    for (const kid of kids) expect(await subscribeAction({ memberId: kid.id, planId, attempt: randomUUID() })).toMatchObject({ ok: true });
    // A family invoice to pay, and an invoice of the child's own (from before the family).
    const familyInvoice = await createTestInvoice(dojo, parent.id);
    const db = await getDb();
    await db.update(invoices).set({ familyId, status: "open", number: "2026-9001" }).where(eq(invoices.id, familyInvoice.id));
    const childInvoice = await createTestInvoice(dojo, kids[0].id);
    await db.update(invoices).set({ status: "open", number: "2026-9002" }).where(eq(invoices.id, childInvoice.id));

    const payer = await portalScope(db, dojo.id, parent.id);
    expect(payer).toMatchObject({ canPay: true, family: { name: "Ito" } });
    expect(payer.memberIds.sort()).toEqual([parent.id, ...kids.map((k) => k.id)].sort());
    const seen = await listMemberInvoices(db, payer);
    // Two paid subscription invoices (one per child), the open family invoice, and the child's own.
    expect(seen.map((i) => [i.memberId, i.status, i.familyId === familyId]).sort()).toEqual(
      [
        [parent.id, "paid", true],
        [parent.id, "paid", true],
        [parent.id, "open", true],
        [kids[0].id, "open", false],
      ].sort(),
    );
    signInAsMember(await memberRow(parent.id));
    expect(await openMemberCheckoutAction({ invoiceId: familyInvoice.id })).toMatchObject({ ok: true, data: { clientSecret: expect.any(String) } });

    const child = await portalScope(db, dojo.id, kids[0].id);
    expect(child).toMatchObject({ canPay: false, memberIds: [kids[0].id] });
    expect((await listMemberInvoices(db, child)).map((i) => i.id)).toEqual([childInvoice.id]);
    expect(await getMemberInvoice(db, child, familyInvoice.id)).toBeNull();
    signInAsMember(await memberRow(kids[0].id));
    const refused = { ok: false, error: "Your family's payer pays and manages the card. Ask them, or the dojo." };
    expect(await openMemberCheckoutAction({ invoiceId: childInvoice.id })).toEqual(refused);
    expect(await payWithSavedCardAction({ invoiceId: childInvoice.id })).toEqual(refused);
    expect(await openReplaceCardAction({})).toEqual(refused);
    signInAsStaff(owner);
  });

  it("a payer cannot see another family's invoices", async () => {
    const { dojo, parent, familyId } = await familyOfThree();
    const [otherPayer, otherChild] = [await createMember(dojo.id), await createMember(dojo.id)];
    const other = await createFamilyAction({ name: "Sato", payerKind: "member", payerMemberId: otherPayer.id });
    if (!other.ok) throw new Error(other.error);
    await addFamilyMemberAction({ familyId: other.data.id, memberId: otherChild.id });
    const db = await getDb();
    const theirs = await createTestInvoice(dojo, otherPayer.id);
    const theirChilds = await createTestInvoice(dojo, otherChild.id);
    await db.update(invoices).set({ familyId: other.data.id, status: "open", number: "2026-9101" }).where(eq(invoices.id, theirs.id));
    await db.update(invoices).set({ status: "open", number: "2026-9102" }).where(eq(invoices.id, theirChilds.id));
    const mine = await createTestInvoice(dojo, parent.id);
    await db.update(invoices).set({ familyId, status: "open", number: "2026-9103" }).where(eq(invoices.id, mine.id));

    const scope = await portalScope(db, dojo.id, parent.id);
    expect((await listMemberInvoices(db, scope)).map((i) => i.id)).toEqual([mine.id]);
    expect(await getMemberInvoice(db, scope, theirs.id)).toBeNull();
    expect(await getMemberInvoice(db, scope, theirChilds.id)).toBeNull();
    signInAsMember(await memberRow(parent.id));
    expect(await openMemberCheckoutAction({ invoiceId: theirs.id })).toMatchObject({ ok: false, error: "Invoice was not found." });
  });

  it("when the dojo lets members pause, the payer pauses and resumes a child's subscription; the child cannot", async () => {
    const { dojo, parent, kids, planId } = await familyOfThree();
    const subscribed = await subscribeAction({ memberId: kids[0].id, planId, attempt: randomUUID() });
    if (!subscribed.ok) throw new Error(subscribed.error);
    const subscriptionId = subscribed.data.subscriptionId;
    const db = await getDb();
    await db.update(dojos).set({ membersMayPause: true }).where(eq(dojos.id, dojo.id));
    const pauseState = async () => (await db.select().from(memberSubscriptions).where(eq(memberSubscriptions.id, subscriptionId)))[0].pauseBehavior;

    signInAsMember(await memberRow(kids[0].id));
    expect(await pauseMySubscriptionAction({ subscriptionId, resumeOn: "", attempt: randomUUID() })).toMatchObject({ ok: false, error: expect.stringMatching(/pays/) });
    expect(await pauseState()).toBeNull();

    signInAsMember(await memberRow(parent.id));
    expect(await pauseMySubscriptionAction({ subscriptionId, resumeOn: "", attempt: randomUUID() })).toMatchObject({ ok: true });
    expect(await pauseState()).toBe("void");
    expect(await resumeMySubscriptionAction({ subscriptionId, attempt: randomUUID() })).toMatchObject({ ok: true });
    expect(await pauseState()).toBeNull();

    // Another member's login (not of the family) does not find it.
    signInAsMember(await createMember(dojo.id));
    expect(await pauseMySubscriptionAction({ subscriptionId, resumeOn: "", attempt: randomUUID() })).toMatchObject({ ok: false });
    expect(await pauseState()).toBeNull();
  });
});
