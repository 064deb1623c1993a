import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { dojos, staffInvitations, staffUsers } from "@/db/schema";
import { checkStaffCredentials } from "@/lib/auth/credentials";
import { getStaffSession } from "@/lib/auth/session";
import { hashToken } from "@/lib/crypto";
import { changeStaffRole } from "@/lib/staff/change-role";
import { setStaffActive } from "@/lib/staff/set-active";
import { acceptStaffInvitation } from "@/app/invite/[token]/actions";
import { changeRole, inviteStaffMember, revokeStaffInvitation, setActive } from "@/app/(staff)/settings/staff/actions";
import { actAs, createDojo, createStaff, signedInDojo, signInAsStaff, TEST_PASSWORD } from "../support/factories";
import { wordsOf } from "../support/refusal";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.15" }) }));

const PASSWORD = "my own new password";
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

async function invite(input: { name: string; email: string; role: "owner" | "manager" | "staff" }) {
  const result = await inviteStaffMember(input);
  if (!result.ok) throw new Error(result.error);
  return tokenOf(result.data.url);
}

describe("staff invitations", () => {
  it("invite → accept with the token → signed in with the invited role", async () => {
    const db = await getDb();
    const { dojo, user: owner } = await signedInDojo({ plan: "pro" });
    const result = await inviteStaffMember({ name: "Mei Lin", email: "Mei@Example.test", role: "manager" });
    if (!result.ok) throw new Error(result.error);
    expect(result.data.url).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(result.data.url);

    // Only the hash is stored.
    const [stored] = await db.select().from(staffInvitations).where(eq(staffInvitations.id, result.data.invitationId));
    expect(stored).toMatchObject({ dojoId: dojo.id, email: "mei@example.test", role: "manager", invitedBy: owner.id, tokenHash: hashToken(token) });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);

    actAs(null);
    expect(await acceptStaffInvitation({ token, name: "Mei Lin", password: "short" })).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });
    expect(await acceptStaffInvitation({ token, name: "Mei Lin-Chen", password: PASSWORD })).toEqual({ ok: true, data: { redirectTo: "/dashboard" } });

    const session = await getStaffSession();
    expect(session).toMatchObject({ user: { name: "Mei Lin-Chen", email: "mei@example.test", role: "manager" }, dojo: { id: dojo.id } });
    const [accepted] = await db.select().from(staffInvitations).where(eq(staffInvitations.id, result.data.invitationId));
    expect(accepted.acceptedAt).toBeInstanceOf(Date);
    // The manager's role applies: no staff management.
    expect(await inviteStaffMember({ name: "X", email: "x@example.test", role: "staff" })).toEqual({ ok: false, error: "Your role does not allow this." });
  });

  it("refuses a reused, revoked, expired or unknown token", async () => {
    const db = await getDb();
    const { dojo } = await signedInDojo({ plan: "ultimate" });
    const used = await invite({ name: "A", email: "used@example.test", role: "staff" });
    const revoked = await inviteStaffMember({ name: "B", email: "revoked@example.test", role: "staff" });
    const expired = await invite({ name: "C", email: "expired@example.test", role: "staff" });
    if (!revoked.ok) throw new Error(revoked.error);
    expect(await revokeStaffInvitation({ invitationId: revoked.data.invitationId })).toEqual({ ok: true, data: null });
    await db.update(staffInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(staffInvitations.tokenHash, hashToken(expired)));

    actAs(null);
    expect(await acceptStaffInvitation({ token: used, name: "A", password: PASSWORD })).toMatchObject({ ok: true });
    actAs(null);
    expect(await acceptStaffInvitation({ token: used, name: "A again", password: PASSWORD })).toEqual({ ok: false, error: expect.stringContaining("already used") });
    expect(await acceptStaffInvitation({ token: tokenOf(revoked.data.url), name: "B", password: PASSWORD })).toEqual({ ok: false, error: expect.stringContaining("withdrawn") });
    expect(await acceptStaffInvitation({ token: expired, name: "C", password: PASSWORD })).toEqual({ ok: false, error: expect.stringContaining("expired") });
    expect(await acceptStaffInvitation({ token: "x".repeat(43), name: "D", password: PASSWORD })).toEqual({ ok: false, error: expect.stringContaining("not valid") });
    expect(await getStaffSession()).toBeNull();
    // Only the first acceptance made an account.
    expect(await db.$count(staffUsers, eq(staffUsers.dojoId, dojo.id))).toBe(2);
  });

  it("accepts one link once even when it is submitted twice at the same moment", async () => {
    const db = await getDb();
    const { dojo } = await signedInDojo({ plan: "ultimate" });
    const token = await invite({ name: "Double", email: "double@example.test", role: "staff" });
    actAs(null);
    const results = await Promise.all([acceptStaffInvitation({ token, name: "Double", password: PASSWORD }), acceptStaffInvitation({ token, name: "Double", password: PASSWORD })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.$count(staffUsers, eq(staffUsers.dojoId, dojo.id))).toBe(2);
  });

  it("counts concurrent invitations against the plan one after another", async () => {
    const db = await getDb();
    const { dojo } = await signedInDojo({ plan: "basic" });
    const results = await Promise.all(["a", "b", "c"].map((x) => inviteStaffMember({ name: x, email: `${x}-concurrent@example.test`, role: "staff" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.$count(staffInvitations, eq(staffInvitations.dojoId, dojo.id))).toBe(1);
  });

  it("refuses inviting an address that has an account or a pending invitation", async () => {
    const { user } = await signedInDojo();
    expect(await inviteStaffMember({ name: "Me", email: user.email, role: "staff" })).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    await invite({ name: "Twice", email: "twice@example.test", role: "staff" });
    expect(await inviteStaffMember({ name: "Twice", email: "twice@example.test", role: "staff" })).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(await inviteStaffMember({ name: "", email: "not an e-mail", role: "janitor" as "staff" })).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.any(String)], email: [expect.any(String)], role: [expect.any(String)] },
    });
  });

  it("enforces the plan's staff limit on the server, counting pending invitations", async () => {
    const db = await getDb();
    // Basic includes 2 staff users: the owner and one more.
    const { dojo } = await signedInDojo({ plan: "basic" });
    const token = await invite({ name: "Second", email: "second@example.test", role: "staff" });
    const third = await inviteStaffMember({ name: "Third", email: "third@example.test", role: "staff" });
    expect(third).toEqual({ ok: false, error: expect.stringContaining("The Basic plan includes 2 staff users") });
    expect(await db.$count(staffInvitations, eq(staffInvitations.dojoId, dojo.id))).toBe(1);

    // A seat taken meanwhile (e.g. a reactivation) makes accepting fail too.
    await createStaff(dojo.id, "staff");
    actAs(null);
    expect(await acceptStaffInvitation({ token, name: "Second", password: PASSWORD })).toEqual({ ok: false, error: expect.stringContaining("staff users") });
    expect(await db.$count(staffUsers, eq(staffUsers.dojoId, dojo.id))).toBe(2);
  });
});

describe("managing staff", () => {
  it("changes roles and deactivates (ending sessions) and reactivates within the plan", async () => {
    const db = await getDb();
    const { dojo } = await signedInDojo({ plan: "pro" });
    const colleague = await createStaff(dojo.id, "staff");
    expect(await changeRole({ staffId: colleague.id, role: "manager" })).toEqual({ ok: true, data: null });
    expect(await setActive({ staffId: colleague.id, active: false })).toEqual({ ok: true, data: null });
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, colleague.id));
    expect(row).toMatchObject({ role: "manager", active: false, sessionVersion: colleague.sessionVersion + 1 });
    expect(await checkStaffCredentials(db, colleague.email, TEST_PASSWORD, "192.0.2.2")).toMatchObject({ ok: false });

    expect(await setActive({ staffId: colleague.id, active: true })).toEqual({ ok: true, data: null });
    expect(await checkStaffCredentials(db, colleague.email, TEST_PASSWORD, "192.0.2.2")).toMatchObject({ ok: true });
    // The old session stays dead after reactivation.
    signInAsStaff(colleague);
    expect(await getStaffSession()).toBeNull();
  });

  it("reactivation respects the plan's limit", async () => {
    const { dojo } = await signedInDojo({ plan: "basic" });
    const a = await createStaff(dojo.id, "staff");
    expect(await setActive({ staffId: a.id, active: false })).toMatchObject({ ok: true });
    await createStaff(dojo.id, "staff");
    expect(await setActive({ staffId: a.id, active: true })).toEqual({ ok: false, error: expect.stringContaining("staff users") });
  });

  it("keeps an owner: no self-demotion, no self-deactivation, never zero active owners", async () => {
    const db = await getDb();
    const { dojo, user: owner } = await signedInDojo();
    expect(await changeRole({ staffId: owner.id, role: "manager" })).toMatchObject({ ok: false, error: expect.stringContaining("your own role") });
    expect(await setActive({ staffId: owner.id, active: false })).toMatchObject({ ok: false, error: expect.stringContaining("deactivate yourself") });

    const second = await createStaff(dojo.id, "owner");
    expect(await changeRole({ staffId: second.id, role: "staff" })).toMatchObject({ ok: true });
    expect(await changeRole({ staffId: second.id, role: "owner" })).toMatchObject({ ok: true });

    // Two owners demoting each other at the same moment: both passed the role check, but the
    // second change, counted after the first, would leave no owner and is refused.
    const ownerCtx = (await getStaffSession())!;
    signInAsStaff(second);
    expect(await changeRole({ staffId: owner.id, role: "manager" })).toMatchObject({ ok: true });
    await expect(wordsOf(changeStaffRole(db, ownerCtx, second.id, "manager"))).resolves.toMatch("at least one active owner");
    await expect(wordsOf(setStaffActive(db, ownerCtx, second.id, false))).resolves.toMatch("at least one active owner");
    const [kept] = await db.select({ role: staffUsers.role, active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.id, second.id));
    expect(kept).toEqual({ role: "owner", active: true });
  });

  it("manager and staff roles cannot manage staff", async () => {
    const { dojo } = await signedInDojo({ role: "manager" });
    const other = await createStaff(dojo.id, "staff");
    expect(await inviteStaffMember({ name: "N", email: "n@example.test", role: "staff" })).toEqual({ ok: false, error: "Your role does not allow this." });
    expect(await changeRole({ staffId: other.id, role: "manager" })).toEqual({ ok: false, error: "Your role does not allow this." });
    expect(await setActive({ staffId: other.id, active: false })).toEqual({ ok: false, error: "Your role does not allow this." });
    signInAsStaff(other);
    expect(await changeRole({ staffId: other.id, role: "owner" })).toEqual({ ok: false, error: "Your role does not allow this." });
  });

  it("TENANCY: an owner of dojo A gets 'not found' for staff and invitations of dojo B", async () => {
    const db = await getDb();
    const dojoB = await createDojo();
    const ownerB = await createStaff(dojoB.id, "owner");
    const staffB = await createStaff(dojoB.id, "staff");
    signInAsStaff(ownerB);
    const invitationB = await inviteStaffMember({ name: "B's invitee", email: "b-invitee@example.test", role: "staff" });
    if (!invitationB.ok) throw new Error(invitationB.error);

    await signedInDojo();
    expect(await changeRole({ staffId: staffB.id, role: "owner" })).toEqual({ ok: false, error: "Staff member was not found." });
    expect(await setActive({ staffId: staffB.id, active: false })).toEqual({ ok: false, error: "Staff member was not found." });
    expect(await setActive({ staffId: ownerB.id, active: false })).toEqual({ ok: false, error: "Staff member was not found." });
    expect(await revokeStaffInvitation({ invitationId: invitationB.data.invitationId })).toEqual({ ok: false, error: "Invitation was not found." });

    const rows = await db.select({ role: staffUsers.role, active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.dojoId, dojoB.id));
    expect(rows).toEqual(expect.arrayContaining([{ role: "owner", active: true }, { role: "staff", active: true }]));
    const [inv] = await db.select({ revokedAt: staffInvitations.revokedAt }).from(staffInvitations).where(eq(staffInvitations.id, invitationB.data.invitationId));
    expect(inv.revokedAt).toBeNull();
    expect(await db.$count(dojos)).toBeGreaterThan(1);
  });
});
