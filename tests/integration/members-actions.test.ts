import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { members } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { getMemberSession } from "@/lib/auth/session";
import { getMember } from "@/lib/members/get";
import { isUid } from "@/lib/members/uid";
import { addMember, deactivateMember, editMember, reactivateMember, setPortalPassword } from "@/app/(staff)/members/actions";
import { MemberListItem, MemberTableRow } from "@/app/(staff)/members/member-list";
import { MemberProfileCard } from "@/app/(staff)/members/[id]/profile-card";
import { staffHtml } from "../support/staff-html";
import { actAs, createMember as seedMember, signedInDojo, signInAsMember, signInAsStaff } from "../support/factories";

async function memberRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row;
}

async function countMembers(dojoId: string) {
  return (await getDb()).$count(members, eq(members.dojoId, dojoId));
}

const full = {
  firstName: "  Aiko ",
  lastName: "Tanaka",
  email: " Aiko@Example.TEST ",
  phone: "+81 3 1234 5678",
  birthDate: "1990-04-01",
  address: "1-2-3 Shibuya\nTokyo",
  notes: "Brown belt",
};

describe("member actions", () => {
  it("adds a member with every field, normalised, and a UID", async () => {
    const { dojo } = await signedInDojo();
    const result = await addMember(full);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await memberRow(result.data.id);
    expect(row).toMatchObject({
      dojoId: dojo.id,
      uid: result.data.uid,
      firstName: "Aiko",
      lastName: "Tanaka",
      email: "aiko@example.test",
      phone: "+81 3 1234 5678",
      birthDate: "1990-04-01",
      address: "1-2-3 Shibuya\nTokyo",
      notes: "Brown belt",
      status: "active",
      passwordHash: null,
    });
    expect(isUid(row.uid)).toBe(true);
  });

  it("stores empty optional fields as null", async () => {
    await signedInDojo();
    const result = await addMember({ firstName: "Kenji", lastName: "Sato", email: "", phone: " ", birthDate: "", address: "", notes: "" });
    if (!result.ok) throw new Error(result.error);
    expect(await memberRow(result.data.id)).toMatchObject({ email: null, phone: null, birthDate: null, address: null, notes: null });
  });

  it("edits a member and clears fields", async () => {
    await signedInDojo();
    const created = await addMember(full);
    if (!created.ok) throw new Error(created.error);
    const result = await editMember({ id: created.data.id, firstName: "Aiko", lastName: "Suzuki", email: "", phone: "", birthDate: "", address: "", notes: "Black belt" });
    expect(result).toMatchObject({ ok: true, data: { id: created.data.id, member: { lastName: "Suzuki", email: null, notes: "Black belt" } } });
    const row = await memberRow(created.data.id);
    expect(row).toMatchObject({ lastName: "Suzuki", email: null, phone: null, birthDate: null, address: null, notes: "Black belt", uid: created.data.uid });
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
  });

  it("deactivation ends the member's portal sessions; reactivation lets them log in again", async () => {
    const { dojo, user } = await signedInDojo();
    const member = await seedMember(dojo.id);
    signInAsMember(member);
    expect(await getMemberSession()).not.toBeNull();

    signInAsStaff(user);
    expect(await deactivateMember({ id: member.id })).toEqual({ ok: true, data: { id: member.id } });
    const inactive = await memberRow(member.id);
    expect(inactive.status).toBe("inactive");
    expect(inactive.sessionVersion).toBe(member.sessionVersion + 1);
    signInAsMember(member);
    expect(await getMemberSession()).toBeNull();
    // Even a fresh cookie with the new version is refused while inactive.
    signInAsMember(inactive);
    expect(await getMemberSession()).toBeNull();

    signInAsStaff(user);
    expect(await reactivateMember({ id: member.id })).toEqual({ ok: true, data: { id: member.id } });
    const active = await memberRow(member.id);
    expect(active.status).toBe("active");
    signInAsMember(active);
    expect(await getMemberSession()).not.toBeNull();
  });

  it("sets the portal password with argon2id and ends existing sessions", async () => {
    const { dojo, user } = await signedInDojo();
    const member = await seedMember(dojo.id);
    signInAsMember(member);
    expect(await getMemberSession()).not.toBeNull();

    signInAsStaff(user);
    expect(await setPortalPassword({ id: member.id, password: "new portal secret" })).toEqual({ ok: true, data: { id: member.id } });
    const row = await memberRow(member.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "new portal secret")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "correct horse battery")).toBe(false);
    signInAsMember(member);
    expect(await getMemberSession()).toBeNull();
    expect((await getMember(await getDb(), dojo.id, member.id))?.hasPortalPassword).toBe(true);
  });

  it("refuses a short portal password and keeps the old one", async () => {
    const { dojo } = await signedInDojo();
    const member = await seedMember(dojo.id);
    const result = await setPortalPassword({ id: member.id, password: "short" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.password).toBeDefined();
    expect(await memberRow(member.id)).toEqual(member);
  });

  it.each([
    ["an empty first name", { firstName: "   " }, "firstName"],
    ["an empty last name", { lastName: "" }, "lastName"],
    ["a bad e-mail", { email: "not-an-email" }, "email"],
    ["a too long first name", { firstName: "x".repeat(101) }, "firstName"],
    ["too long notes", { notes: "x".repeat(2001) }, "notes"],
    ["a too long address", { address: "x".repeat(501) }, "address"],
    ["a too long phone number", { phone: "1".repeat(41) }, "phone"],
    ["a birth date in the future", { birthDate: "2999-01-01" }, "birthDate"],
    ["a malformed birth date", { birthDate: "01/04/1990" }, "birthDate"],
  ])("refuses %s with a field error and writes nothing", async (_label, override, field) => {
    const { dojo } = await signedInDojo();
    const existing = await seedMember(dojo.id);
    const created = await addMember({ ...full, ...override });
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(Object.keys(created.fieldErrors ?? {})).toEqual([field]);
    expect(await countMembers(dojo.id)).toBe(1);

    const edited = await editMember({ ...full, id: existing.id, ...override });
    expect(edited.ok).toBe(false);
    if (edited.ok) return;
    expect(Object.keys(edited.fieldErrors ?? {})).toEqual([field]);
    expect(await memberRow(existing.id)).toEqual(existing);
  });

  it("lets the staff role manage members", async () => {
    const { dojo } = await signedInDojo({ role: "staff" });
    const created = await addMember({ firstName: "Yuki", lastName: "Mori" });
    if (!created.ok) throw new Error(created.error);
    const { id } = created.data;
    expect((await editMember({ id, firstName: "Yuki", lastName: "Mori-Ito" })).ok).toBe(true);
    expect((await setPortalPassword({ id, password: "staff set this" })).ok).toBe(true);
    expect((await deactivateMember({ id })).ok).toBe(true);
    expect((await reactivateMember({ id })).ok).toBe(true);
    expect(await memberRow(id)).toMatchObject({ dojoId: dojo.id, lastName: "Mori-Ito", status: "active" });
  });

  it("refuses everything when signed out", async () => {
    const { dojo } = await signedInDojo();
    const member = await seedMember(dojo.id);
    actAs(null);
    expect((await addMember({ firstName: "No", lastName: "Session" })).ok).toBe(false);
    expect((await editMember({ id: member.id, firstName: "No", lastName: "Session" })).ok).toBe(false);
    expect((await deactivateMember({ id: member.id })).ok).toBe(false);
    expect((await setPortalPassword({ id: member.id, password: "long enough pw" })).ok).toBe(false);
    expect(await countMembers(dojo.id)).toBe(1);
    expect(await memberRow(member.id)).toEqual(member);
  });

  it("stores a <script> name as text and renders it escaped", async () => {
    const { dojo } = await signedInDojo();
    const script = "<script>alert(1)</script>";
    const created = await addMember({ firstName: script, lastName: "Doe", notes: script, address: script });
    if (!created.ok) throw new Error(created.error);
    expect(await memberRow(created.data.id)).toMatchObject({ firstName: script, notes: script, address: script });

    const member = (await getMember(await getDb(), dojo.id, created.data.id))!;
    // Async server components (their words in the staff member's language): rendered to a stream.
    const markups = await Promise.all([
      staffHtml(createElement("table", null, createElement("tbody", null, createElement(MemberTableRow, { member })))),
      staffHtml(createElement("ul", null, createElement(MemberListItem, { member }))),
      staffHtml(createElement(MemberProfileCard, { member, timeZone: "UTC" })),
    ]);
    for (const markup of markups) {
      expect(markup).not.toContain("<script>");
      expect(markup).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });
});
