import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { families, invoiceLines, invoices } from "@/db/schema";
import { completeCardLinkSetupAction, openCardLinkSetupAction } from "@/app/card/[token]/actions";
import CardLinkPage from "@/app/card/[token]/page";
import { createPlanAction } from "@/app/(staff)/members/plans/actions";
import { copyCardLinkAction, subscribeAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { addFamilyMemberAction, createFamilyAction, updateFamilyAction } from "@/app/(staff)/members/families/actions";
import { submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { mergeValuesForMany } from "@/lib/campaigns/merge-values";
import { memberMergeValues } from "@/lib/campaigns/preview";
import { requirePaymentRights } from "@/lib/portal/family-scope";
import { dojoWithStripe, inboxFor, sessionIdOf } from "../support/card-payment";
import { createMember } from "../support/factories";
import { renderToStaticMarkup } from "react-dom/server";

let ip = "203.0.113.60";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": ip }) }));

const tokenOf = (url: string) => url.split("/card/")[1];
const contactEmail = () => `mariko-${randomUUID().slice(0, 8)}@example.test`;

/** A family paid by a contact (no member) with two children, in a dojo taking cards. */
async function contactFamily() {
  const ctx = await dojoWithStripe();
  const email = contactEmail();
  const kids = [
    await createMember(ctx.dojo.id, { firstName: "Ren", lastName: "Ito", email: `ren-${randomUUID().slice(0, 8)}@example.test` }),
    await createMember(ctx.dojo.id, { firstName: "Mei", lastName: "Ito" }),
  ];
  const family = await createFamilyAction({ name: "Ito", payerKind: "contact", payerName: "Mariko Ito", payerEmail: email });
  if (!family.ok) throw new Error(family.error);
  for (const kid of kids) expect(await addFamilyMemberAction({ familyId: family.data.id, memberId: kid.id })).toMatchObject({ ok: true });
  return { ...ctx, email, kids, familyId: family.data.id };
}

/** The family's card link, as "Copy card link" on a child gives it. */
async function familyLinkOf(memberId: string) {
  const copied = await copyCardLinkAction({ memberId });
  if (!copied.ok) throw new Error(copied.error);
  return copied.data.url;
}

/** The contact adds a Visa through the family's card link. */
async function addCardThroughLink(token: string) {
  const opened = await openCardLinkSetupAction({ token });
  if (!opened.ok) throw new Error(opened.error);
  const sessionId = sessionIdOf(opened.data.clientSecret);
  await submitCheckoutForm(sessionId, { card_number: "4242424242424242" }, { embedded: true });
  expect(await completeCardLinkSetupAction({ token, sessionId })).toEqual({ ok: true, data: { saved: true, method: "Visa •••• 4242" } });
}

describe("a family paid by a contact", () => {
  it("has one card link for all its children, which greets the contact and creates the family's own Stripe customer", async () => {
    ip = "203.0.113.61";
    const { dojo, stripe, email, kids, familyId } = await contactFamily();
    const [ofRen, ofMei] = [await familyLinkOf(kids[0].id), await familyLinkOf(kids[1].id)];
    expect(ofMei).toBe(ofRen);
    const loner = await createMember(dojo.id);
    expect(await familyLinkOf(loner.id)).not.toBe(ofRen);

    const token = tokenOf(ofRen);
    const page = renderToStaticMarkup(await CardLinkPage({ params: Promise.resolve({ token }), searchParams: Promise.resolve({}) }));
    expect(page).toContain("Hi Mariko");
    expect(page).not.toContain("Ren");

    await addCardThroughLink(token);
    const db = await getDb();
    const [family] = await db.select().from(families).where(eq(families.id, familyId));
    expect(family.stripeCustomerId).toMatch(/^cus_/);
    const customer = await stripe.customers.retrieve(family.stripeCustomerId!);
    if (customer.deleted) throw new Error("deleted");
    expect(customer).toMatchObject({ email, name: "Mariko Ito", metadata: { tatami_dojo_id: dojo.id, tatami_family_id: familyId } });
    expect(customer.invoice_settings.default_payment_method).toMatch(/^pm_/);
    // The children keep no customer of their own; the card-saved mail goes to the contact.
    expect(kids.every((k) => k.stripeCustomerId === null)).toBe(true);
    expect((await inboxFor(email)).map((m) => m.subject)).toContain(`Your card is saved with ${dojo.name}`);
    // Opening the link again makes no second customer.
    expect(await openCardLinkSetupAction({ token })).toMatchObject({ ok: true });
    expect((await stripe.customers.list({ limit: 10 })).data).toHaveLength(1);
  });

  it("charges the children's subscriptions to the family's card; invoices are addressed to the family and mailed to the contact", async () => {
    ip = "203.0.113.62";
    const { stripe, email, kids, familyId } = await contactFamily();
    const plan = await createPlanAction({ name: "Judo kids", amount: "45.00", interval: "month", intervalCount: 1, attempt: randomUUID() });
    if (!plan.ok) throw new Error(plan.error);
    // No card yet: the family's payer must add one first.
    expect(await subscribeAction({ memberId: kids[0].id, planId: plan.data.id, attempt: randomUUID() })).toMatchObject({ ok: false, error: expect.stringMatching(/no Stripe customer yet/) });
    await addCardThroughLink(tokenOf(await familyLinkOf(kids[0].id)));

    for (const kid of kids) expect(await subscribeAction({ memberId: kid.id, planId: plan.data.id, attempt: randomUUID() })).toMatchObject({ ok: true, data: { firstPayment: "paid" } });
    const db = await getDb();
    const [family] = await db.select().from(families).where(eq(families.id, familyId));
    const subs = await stripe.subscriptions.list({ customer: family.stripeCustomerId! });
    expect(subs.data.map((s) => s.metadata.tatami_member_id).sort()).toEqual(kids.map((k) => k.id).sort());

    const rows = await db.select().from(invoices).where(eq(invoices.familyId, familyId));
    expect(rows.map((r) => [r.memberId, r.status, r.totalMinor]).sort()).toEqual(kids.map((k) => [k.id, "paid", 4500]).sort());
    const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, rows[0].id));
    expect(lines[0].memberId).toBe(rows[0].memberId);
    // Receipts go to the contact, not to the child who has an e-mail of their own.
    const receipts = (await inboxFor(email)).filter((m) => m.subject.startsWith("Receipt:"));
    expect(receipts).toHaveLength(2);
    expect((await inboxFor(kids[0].email!)).filter((m) => m.subject.startsWith("Receipt:"))).toHaveLength(0);
  });

  it("{stripecardlink} to a child is the family's link; children have no payment rights; a member payer ends the family's link", async () => {
    ip = "203.0.113.63";
    const { dojo, kids, familyId } = await contactFamily();
    const db = await getDb();
    const url = await familyLinkOf(kids[0].id);
    const ofRen = await memberMergeValues(db, dojo, kids[0].id);
    expect(ofRen.values.stripecardlink).toBe(url);
    const batch = await mergeValuesForMany(db, dojo, [ofRen.member, (await memberMergeValues(db, dojo, kids[1].id)).member]);
    expect(batch.map((r) => r.values.stripecardlink)).toEqual([url, url]);

    await expect(requirePaymentRights(db, dojo.id, kids[0].id)).rejects.toMatchObject({ details: { reason: "portal.family_payer_pays" } });

    expect(await updateFamilyAction({ familyId, name: "Ito", payerKind: "member", payerMemberId: kids[0].id })).toMatchObject({ ok: true });
    expect(await openCardLinkSetupAction({ token: tokenOf(url) })).toMatchObject({ ok: false, error: expect.stringMatching(/no longer works/) });
    expect(await familyLinkOf(kids[1].id)).not.toBe(url);
  });
});
