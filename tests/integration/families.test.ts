import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTestInvoice } from "../support/invoice-factory";
import { invoices } from "@/db/schema";
import { eq } from "drizzle-orm";
import { addFamilyMemberAction, createFamilyAction, deleteFamilyAction, removeFamilyMemberAction, updateFamilyAction } from "@/app/(staff)/members/families/actions";
import { familyOfMember, getFamily, listFamilies } from "@/lib/families/read";
import { createDojo, createMember, signedInDojo } from "../support/factories";
import type { RecipientFilter } from "@/db/schema";
import { campaignTargets } from "@/lib/campaigns/recipients";
import { recipientFilterSchema } from "@/lib/campaigns/schemas";
import { memberMergeValues } from "@/lib/campaigns/preview";
import { mergeValuesForMany } from "@/lib/campaigns/merge-values";
import { renderCampaignBody } from "@/lib/mail/render-campaign";

const contact = { payerKind: "contact" as const, payerName: "Mariko Ito", payerEmail: "Mariko@Example.TEST" };

describe("families", () => {
  it("creates a family paid by a member, who joins it, and adds and removes members", async () => {
    const { dojo } = await signedInDojo();
    const [mother, child] = [await createMember(dojo.id, { firstName: "Yuki", lastName: "Ito" }), await createMember(dojo.id, { firstName: "Ren", lastName: "Ito" })];
    const created = await createFamilyAction({ name: "Ito", payerKind: "member", payerMemberId: mother.id });
    if (!created.ok) throw new Error(created.error);
    expect(await addFamilyMemberAction({ familyId: created.data.id, memberId: child.id })).toMatchObject({ ok: true });
    const db = await getDb();
    const family = await getFamily(db, dojo.id, created.data.id);
    expect(family).toMatchObject({ name: "Ito", payer: { memberId: mother.id, name: "Yuki Ito" } });
    expect(family!.members.map((m) => m.id).sort()).toEqual([mother.id, child.id].sort());
    expect((await familyOfMember(db, dojo.id, child.id))?.id).toBe(created.data.id);

    // The payer stays until another payer is chosen.
    expect(await removeFamilyMemberAction({ familyId: created.data.id, memberId: mother.id })).toMatchObject({ ok: false, error: expect.stringMatching(/pays for the family/) });
    expect(await removeFamilyMemberAction({ familyId: created.data.id, memberId: child.id })).toMatchObject({ ok: true });
    expect(await familyOfMember(db, dojo.id, child.id)).toBeNull();
  });

  it("a member belongs to at most one family", async () => {
    const { dojo } = await signedInDojo();
    const child = await createMember(dojo.id);
    const a = await createFamilyAction({ name: "A", ...contact });
    const b = await createFamilyAction({ name: "B", ...contact });
    if (!a.ok || !b.ok) throw new Error("not created");
    expect(await addFamilyMemberAction({ familyId: a.data.id, memberId: child.id })).toMatchObject({ ok: true });
    expect(await addFamilyMemberAction({ familyId: b.data.id, memberId: child.id })).toMatchObject({ ok: false, error: expect.stringMatching(/already belongs to a family/) });
    expect(await createFamilyAction({ name: "C", payerKind: "member", payerMemberId: child.id })).toMatchObject({ ok: false, fieldErrors: { payerMemberId: ["Already in a family"] } });
    // Nothing half-written: family C was not created.
    expect((await listFamilies(await getDb(), dojo.id)).map((f) => f.name)).toEqual(["A", "B"]);
  });

  it("validates the payer by its kind and normalises the contact's e-mail", async () => {
    const { dojo } = await signedInDojo();
    expect(await createFamilyAction({ name: "Ito", payerKind: "contact", payerName: "", payerEmail: "nope" })).toMatchObject({
      ok: false,
      fieldErrors: { payerName: ["Enter the payer's name"], payerEmail: ["Enter a valid e-mail address"] },
    });
    expect(await createFamilyAction({ name: "Ito", payerKind: "member", payerMemberId: "" })).toMatchObject({ ok: false, fieldErrors: { payerMemberId: ["Choose the member who pays"] } });
    const created = await createFamilyAction({ name: " Ito ", ...contact });
    if (!created.ok) throw new Error(created.error);
    expect(await getFamily(await getDb(), dojo.id, created.data.id)).toMatchObject({ name: "Ito", payer: { memberId: null, name: "Mariko Ito", email: "mariko@example.test" } });
  });

  it("searches by family, payer and member name", async () => {
    const { dojo } = await signedInDojo();
    const child = await createMember(dojo.id, { firstName: "Hana", lastName: "Mori" });
    const ito = await createFamilyAction({ name: "Ito", ...contact });
    await createFamilyAction({ name: "Sato", payerKind: "contact", payerName: "Kenji Sato", payerEmail: "k@example.test" });
    if (!ito.ok) throw new Error(ito.error);
    await addFamilyMemberAction({ familyId: ito.data.id, memberId: child.id });
    const db = await getDb();
    expect((await listFamilies(db, dojo.id, "kenji")).map((f) => f.name)).toEqual(["Sato"]);
    expect((await listFamilies(db, dojo.id, "hana mori")).map((f) => f.name)).toEqual(["Ito"]);
    expect(await listFamilies(db, dojo.id, "ito")).toEqual([{ id: ito.data.id, name: "Ito", payerName: "Mariko Ito", memberCount: 1 }]);
  });

  it("changes the payer, and deletes a family only while no invoice is addressed to it", async () => {
    const { dojo } = await signedInDojo();
    const parent = await createMember(dojo.id);
    const created = await createFamilyAction({ name: "Ito", ...contact });
    if (!created.ok) throw new Error(created.error);
    expect(await updateFamilyAction({ familyId: created.data.id, name: "Ito-Mori", payerKind: "member", payerMemberId: parent.id })).toMatchObject({ ok: true });
    const db = await getDb();
    expect(await getFamily(db, dojo.id, created.data.id)).toMatchObject({ name: "Ito-Mori", payer: { memberId: parent.id } });

    const invoice = await createTestInvoice(dojo, parent.id);
    await db.update(invoices).set({ familyId: created.data.id }).where(eq(invoices.id, invoice.id));
    expect(await deleteFamilyAction({ familyId: created.data.id })).toMatchObject({ ok: false, error: expect.stringMatching(/invoices addressed to it/) });
    await db.update(invoices).set({ familyId: null }).where(eq(invoices.id, invoice.id));
    expect(await deleteFamilyAction({ familyId: created.data.id })).toMatchObject({ ok: true });
    expect(await getFamily(db, dojo.id, created.data.id)).toBeNull();
    expect(await familyOfMember(db, dojo.id, parent.id)).toBeNull();
  });

  it("another dojo's family or member is not found", async () => {
    const other = await createDojo();
    const stranger = await createMember(other.id);
    await signedInDojo();
    expect(await createFamilyAction({ name: "X", payerKind: "member", payerMemberId: stranger.id })).toMatchObject({ ok: false, error: "Member was not found." });
    const mine = await createFamilyAction({ name: "Mine", ...contact });
    if (!mine.ok) throw new Error(mine.error);
    expect(await addFamilyMemberAction({ familyId: mine.data.id, memberId: stranger.id })).toMatchObject({ ok: false, error: "Member was not found." });
  });
});

describe("families in campaigns", () => {
  it("the family payers filter selects paying members; {familyname} and a child's {stripecardlink} come from the family", async () => {
    const { dojo } = await signedInDojo();
    const [parent, child, loner] = [
      await createMember(dojo.id, { firstName: "Yuki", lastName: "Ito", email: "yuki@example.test" }),
      await createMember(dojo.id, { firstName: "Ren", lastName: "Ito", email: "ren@example.test" }),
      await createMember(dojo.id, { firstName: "Solo", lastName: "Aoki", email: "solo@example.test" }),
    ];
    const family = await createFamilyAction({ name: "Ito <3", payerKind: "member", payerMemberId: parent.id });
    if (!family.ok) throw new Error(family.error);
    await addFamilyMemberAction({ familyId: family.data.id, memberId: child.id });
    const db = await getDb();
    const targets = await campaignTargets(db, dojo.id, recipientFilterSchema.parse({ kind: "filter", familyPayers: true }) as RecipientFilter);
    expect(targets.map((t) => t.memberId)).toEqual([parent.id]);
    // Without the flag, everyone.
    expect(await campaignTargets(db, dojo.id, recipientFilterSchema.parse({ kind: "filter" }) as RecipientFilter)).toHaveLength(3);

    const [ofParent, ofChild, ofLoner] = await Promise.all([parent, child, loner].map((m) => memberMergeValues(db, dojo, m.id)));
    expect(ofChild.values.familyname).toBe("Ito <3");
    expect(ofLoner.values.familyname).toBe("");
    expect(ofChild.values.stripecardlink).toBe(ofParent.values.stripecardlink);
    expect(ofLoner.values.stripecardlink).not.toBe(ofParent.values.stripecardlink);
    const batch = await mergeValuesForMany(db, dojo, [ofParent.member, ofChild.member, ofLoner.member]);
    expect(batch.map((r) => r.values)).toEqual([ofParent.values, ofChild.values, ofLoner.values]);
    expect(renderCampaignBody("The {familyname} family", ofChild.values)).toContain("The Ito &lt;3 family");
  });
});
