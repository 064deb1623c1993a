import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { members, staffUsers } from "@/db/schema";
import { checkStaffCredentials } from "@/lib/auth/credentials";
import { getMemberSession, getStaffSession } from "@/lib/auth/session";
import { logOut } from "@/app/(staff)/actions";
import { logOutMember } from "@/app/portal/(member)/actions";
import { changeName, changePassword } from "@/app/(staff)/account/actions";
import * as authjs from "../support/authjs";
import { createDojo, createMember, signedInDojo, signInAsMember, signInAsStaff, TEST_PASSWORD } from "../support/factories";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));

describe("staff sessions", () => {
  it("stop working after logout", async () => {
    const { user, dojo } = await signedInDojo();
    expect(await getStaffSession()).toMatchObject({ user: { id: user.id }, dojo: { id: dojo.id } });
    await logOut();
    expect(authjs.signOut).toHaveBeenCalledWith({ redirectTo: "/login" });
    // The same cookie, presented again, is dead.
    signInAsStaff(user);
    expect(await getStaffSession()).toBeNull();
    expect(await changeName({ name: "Still here?" })).toMatchObject({ ok: false, error: "Your session has ended. Please log in again." });
  });

  it("stop working after a password change, which needs the current password", async () => {
    const db = await getDb();
    const { user } = await signedInDojo({ role: "manager" });

    const wrong = await changePassword({ currentPassword: "not my password", newPassword: "a brand new password", confirmPassword: "a brand new password" });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(await getStaffSession()).not.toBeNull();

    const mismatch = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password", confirmPassword: "another password" });
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: [expect.any(String)] } });

    const done = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password", confirmPassword: "a brand new password" });
    expect(done).toEqual({ ok: true, data: { redirectTo: "/login" } });
    expect(authjs.signOut).toHaveBeenCalledWith({ redirect: false });
    // The cookie from before the change, presented again, is dead.
    signInAsStaff(user);
    expect(await getStaffSession()).toBeNull();

    const ip = "192.0.2.44";
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, ip)).toMatchObject({ ok: false, reason: "invalid" });
    const relogin = await checkStaffCredentials(db, user.email, "a brand new password", ip);
    if (!relogin.ok) throw new Error("the new password should work");
    expect(relogin.claims.sv).toBe(user.sessionVersion + 1);
  });

  it("stop working when the account is deactivated", async () => {
    const db = await getDb();
    const { user } = await signedInDojo({ role: "staff" });
    expect(await getStaffSession()).not.toBeNull();
    await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, user.id));
    expect(await getStaffSession()).toBeNull();
  });

  it("changes the own name", async () => {
    const db = await getDb();
    const { user } = await signedInDojo({ role: "manager" });
    expect(await changeName({ name: "  " })).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await changeName({ name: "Kenji Mori" })).toEqual({ ok: true, data: null });
    const [row] = await db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row.name).toBe("Kenji Mori");
  });
});

describe("member sessions", () => {
  it("stop working after logout", async () => {
    const dojo = await createDojo();
    const member = await createMember(dojo.id);
    signInAsMember(member);
    expect(await getMemberSession()).toMatchObject({ member: { id: member.id }, dojo: { id: dojo.id } });
    await logOutMember();
    expect(authjs.signOut).toHaveBeenCalledWith({ redirectTo: "/portal/login" });
    signInAsMember(member);
    expect(await getMemberSession()).toBeNull();
  });

  it("stop working when the member is deactivated, and a staff cookie is no member session", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const member = await createMember(dojo.id);
    signInAsMember(member);
    await db.update(members).set({ status: "inactive" }).where(eq(members.id, member.id));
    expect(await getMemberSession()).toBeNull();

    const { user } = await signedInDojo();
    signInAsStaff(user);
    expect(await getMemberSession()).toBeNull();
  });
});
