import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { members, staffUsers, throttleCounters } from "@/db/schema";
import { checkMemberCredentials, checkStaffCredentials } from "@/lib/auth/credentials";
import { throttleMessage } from "@/lib/action-errors/auth";
import { THROTTLE_WINDOW_MS } from "@/lib/auth/throttle";
import { LOGIN_LIMITS } from "@/lib/auth/login-throttle";
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

  it("limits one account attacked from many addresses, but not from an address it has logged in from", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const user = await createStaff(dojo.id);
    // The real user logged in from home once.
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, IP, start)).toMatchObject({ ok: true });
    // 100 failures spread over 20 addresses, 5 each: no single address reaches its own limit.
    for (let i = 0; i < 20; i++) await checkStaffCredentials(db, user.email, "wrong password", `10.${net}.0.${i}`, later(1000 + i));
    await db.update(throttleCounters).set({ hits: LOGIN_LIMITS.account }).where(eq(throttleCounters.key, `login-account:staff:${user.email}`));
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, OTHER_IP, later(200_000))).toMatchObject({ ok: false, reason: "throttled" });
    // The attacker cannot keep the real user out: home still works, and the window ends.
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, IP, later(200_000))).toMatchObject({ ok: true });
    expect(await checkStaffCredentials(db, user.email, TEST_PASSWORD, OTHER_IP, later(THROTTLE_WINDOW_MS + 100_000))).toMatchObject({ ok: true });
  });

  it("limits one address trying many accounts", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const user = await createStaff(dojo.id);
    for (let i = 0; i < 5; i++) await checkStaffCredentials(db, `someone-${i}@example.test`, "wrong password", IP, later(i * 1000));
    // …and 45 more accounts (set directly: each attempt would cost an argon2 run).
    await db.update(throttleCounters).set({ hits: LOGIN_LIMITS.ip }).where(eq(throttleCounters.key, `login-ip:${IP}`));
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

describe("parallel attempts", () => {
  it("40 wrong logins at once from one address: no more than the limit get their password checked", ARGON2_HEAVY, async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const user = await createStaff(dojo.id);
    const results = await Promise.all(Array.from({ length: 40 }, () => checkStaffCredentials(db, user.email, "wrong password", IP, later(1000))));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_LIMITS.pair);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(40 - LOGIN_LIMITS.pair);
    const [pair] = await db.select().from(throttleCounters).where(eq(throttleCounters.key, `login-pair:staff:${user.email}|${IP}`));
    expect(pair?.hits).toBe(40);
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
