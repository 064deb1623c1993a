import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { members } from "@/db/schema";
import { addMember, deactivateMember, editMember, reactivateMember, setPortalPassword } from "@/app/(staff)/members/actions";
import MemberPage from "@/app/(staff)/members/[id]/page";
import { listMembers } from "@/lib/members/list";
import { getMember } from "@/lib/members/get";
import { createDojo, createMember as seedMember, signedInDojo } from "../support/factories";

async function memberRow(id: string) {
  const [row] = await (await getDb()).select().from(members).where(eq(members.id, id));
  return row;
}

/** Staff of dojo A signed in, and a member of dojo B they must never reach. */
async function twoDojos() {
  const a = await signedInDojo({ role: "owner" });
  const ownMember = await seedMember(a.dojo.id, { firstName: "Own", lastName: "Member" });
  const b = await createDojo();
  const foreign = await seedMember(b.id, { firstName: "Foreign", lastName: "Member", status: "active" });
  const inactiveForeign = await seedMember(b.id, { firstName: "Foreign", lastName: "Inactive", status: "inactive" });
  return { a, b, ownMember, foreign, inactiveForeign };
}

const NOT_FOUND = { ok: false, error: "Member was not found." };

describe("members tenancy", () => {
  it("every members action reports another dojo's member as not found and changes nothing", async () => {
    const { foreign, inactiveForeign } = await twoDojos();
    const fields = { firstName: "Hacked", lastName: "Name", email: "hacked@example.test", notes: "x" };

    expect(await editMember({ id: foreign.id, ...fields })).toEqual(NOT_FOUND);
    expect(await deactivateMember({ id: foreign.id })).toEqual(NOT_FOUND);
    expect(await reactivateMember({ id: inactiveForeign.id })).toEqual(NOT_FOUND);
    expect(await setPortalPassword({ id: foreign.id, password: "attacker password" })).toEqual(NOT_FOUND);

    expect(await memberRow(foreign.id)).toEqual(foreign);
    expect(await memberRow(inactiveForeign.id)).toEqual(inactiveForeign);
  });

  it("the same actions work on the caller's own member (so the refusals above mean something)", async () => {
    const { ownMember } = await twoDojos();
    expect((await editMember({ id: ownMember.id, firstName: "Own", lastName: "Renamed" })).ok).toBe(true);
    expect((await deactivateMember({ id: ownMember.id })).ok).toBe(true);
    expect((await reactivateMember({ id: ownMember.id })).ok).toBe(true);
    expect((await setPortalPassword({ id: ownMember.id, password: "a fine password" })).ok).toBe(true);
  });

  it("a member added by staff of dojo A belongs to dojo A whatever the input says", async () => {
    const { a, b } = await twoDojos();
    const result = await addMember({ firstName: "New", lastName: "Member", dojoId: b.id } as never);
    if (!result.ok) throw new Error(result.error);
    expect((await memberRow(result.data.id)).dojoId).toBe(a.dojo.id);
  });

  it("ids that are not UUIDs are not found either", async () => {
    await twoDojos();
    expect(await deactivateMember({ id: "1 OR 1=1" })).toMatchObject({ ok: false, fieldErrors: { id: ["Not found"] } });
  });

  it("lists and searches never return another dojo's members", async () => {
    const { a, foreign } = await twoDojos();
    const db = await getDb();
    for (const q of ["", "Foreign", foreign.uid, foreign.email ?? "", "Member"]) {
      const { rows, total } = await listMembers(db, a.dojo.id, { q, status: "all" });
      expect(rows.every((r) => r.firstName === "Own")).toBe(true);
      expect(total).toBe(rows.length);
    }
    expect(await getMember(db, a.dojo.id, foreign.id)).toBeNull();
  });

  it("the member page is not found for another dojo's member, and renders for one's own", async () => {
    const { ownMember, foreign } = await twoDojos();
    const page = (id: string) => MemberPage({ params: Promise.resolve({ id }) });
    await expect(page(foreign.id)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(page("not-a-uuid")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(page(ownMember.id)).resolves.toBeTruthy();
  });
});
