import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginAttempts, members, staffUsers } from "@/db/schema";
import { checkMemberCredentials, checkStaffCredentials } from "@/lib/auth/credentials";
import { THROTTLE_WINDOW_MS, throttleMessage } from "@/lib/auth/throttle";
import { createDojo, createMember, createStaff, TEST_PASSWORD } from "../support/factories";

// Each test attacks from addresses of its own: the per-address limit spans all accounts.
let IP = "";
let OTHER_IP = "";
let net = 0;
// Every attempt runs argon2 (64 MiB, 3 passes) on purpose; a busy CI machine needs the time.
const ARGON2_HEAVY = { timeout: 180_000 };
beforeEach(() => {
  net++;
  IP = `203.0.${net}.7`;
  OTHER_IP = `198.51.${net}.9`;
});
const start = new Date("2026-03-01T10:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);

async function failTimes(n: number, attempt: (i: number) => Promise<unknown>) {
  for (let i = 0; i < n; i++) await attempt(i);
}

describe("staff login throttling", () => {
  it("refuses even the right password after 10 failures, says when to retry, and lets go after the window", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const user = await createStaff(dojo.id);
    await failTimes(10, async (i) => expect(await checkStaffCredentials(db, user.email, "wrong password", IP, later(i * 1000))).toEqual({ ok: false, reason: "invalid" }));

    const throttled = await checkStaffCredentials(db, user.email, TEST_PASSWORD, IP, later(60_000));
    expect(throttled).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 14 });
    if (throttled.ok || throttled.reason !== "throttled") throw new Error("expected throttled");
    expect(throttleMessage(throttled.retryAfterMinutes)).toBe("Too many failed attempts. Try again in 14 minutes.");
    // The e-mail is matched however it is typed.
    expect(await checkStaffCredentials(db, ` ${user.email.toUpperCase()} `, TEST_PASSWORD, IP, later(60_000))).toMatchObject({ reason: "throttled" });

    const after = await checkStaffCredentials(db, user.email, TEST_PASSWORD, IP, later(THROTTLE_WINDOW_MS + 10_000));
    expect(after).toEqual({ ok: true, claims: { kind: "staff", id: user.id, dojoId: dojo.id, sv: user.sessionVersion } });
  });

  it("does not lock the real user out from another address", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const user = await createStaff(dojo.id);
    await failTimes(10, (i) => checkStaffCredentials(db, user.email, "wrong password", IP, later(i * 1000)));
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, IP, later(30_000))).toMatchObject({ ok: false, reason: "throttled" });
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, OTHER_IP, later(30_000))).toMatchObject({ ok: true });
  });

  it("still limits one account attacked from many addresses (for the window only)", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const user = await createStaff(dojo.id);
    // 100 failures spread over 20 addresses, 5 each: no single address reaches its own limit.
    await db.insert(loginAttempts).values(Array.from({ length: 100 }, (_, i) => ({ identifier: `staff:${user.email}`, ip: `10.${net}.0.${i % 20}`, success: false, at: later(i * 1000) })));
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, OTHER_IP, later(200_000))).toMatchObject({ ok: false, reason: "throttled" });
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, OTHER_IP, later(THROTTLE_WINDOW_MS + 100_000))).toMatchObject({ ok: true });
  });

  it("limits one address trying many accounts", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const user = await createStaff(dojo.id);
    await db.insert(loginAttempts).values(Array.from({ length: 50 }, (_, i) => ({ identifier: `staff:someone-${i}@example.test`, ip: IP, success: false, at: later(i * 1000) })));
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, IP, later(60_000))).toMatchObject({ ok: false, reason: "throttled" });
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, OTHER_IP, later(60_000))).toMatchObject({ ok: true });
  });

  it("refuses a deactivated staff user with the right password", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const user = await createStaff(dojo.id, "manager");
    await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, user.id));
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, IP, start)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("member login throttling", () => {
  it("throttles a UID after 10 failures from one address, until the window passes", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const member = await createMember(dojo.id);
    await failTimes(10, (i) => checkMemberCredentials(db, member.uid, "wrong password", IP, later(i * 1000)));
    const throttled = await checkMemberCredentials(db, member.uid.toLowerCase(), TEST_PASSWORD, IP, later(5 * 60_000));
    expect(throttled).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 10 });
    expect(await checkMemberCredentials(db, member.uid, TEST_PASSWORD, OTHER_IP, later(5 * 60_000))).toMatchObject({ ok: true });
    expect(await checkMemberCredentials(db, member.uid, TEST_PASSWORD, IP, later(THROTTLE_WINDOW_MS + 10_000))).toEqual({
      ok: true,
      claims: { kind: "member", id: member.id, dojoId: dojo.id, sv: member.sessionVersion },
    });
  });

  it("refuses an inactive member and a member without a portal password", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const inactive = await createMember(dojo.id);
    await db.update(members).set({ status: "inactive" }).where(eq(members.id, inactive.id));
    expect(await checkMemberCredentials(db, inactive.uid, TEST_PASSWORD, IP, start)).toEqual({ ok: false, reason: "invalid" });
    const noPassword = await createMember(dojo.id, { passwordHash: null });
    expect(await checkMemberCredentials(db, noPassword.uid, "", IP, start)).toEqual({ ok: false, reason: "invalid" });
  });
});
