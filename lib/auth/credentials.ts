import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dojos, members, staffUsers } from "@/db/schema";
import { verifyPassword } from "./password";
import { loginSucceeded, takeLoginAttempt } from "./login-throttle";
import type { SessionClaims } from "./claims";

export type CredentialCheck = { ok: true; claims: SessionClaims } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/** Staff login: every attempt is counted (lib/auth/login-throttle.ts) before the password is checked. */
export async function checkStaffCredentials(db: Db, email: string, password: string, ip: string, now = new Date()): Promise<CredentialCheck> {
  const identifier = `staff:${email.trim().toLowerCase()}`;
  const throttle = await takeLoginAttempt(db, identifier, ip, now);
  if (throttle.throttled) return { ok: false, reason: "throttled", retryAfterMinutes: throttle.retryAfterMinutes };
  const [user] = await db
    .select({ id: staffUsers.id, dojoId: staffUsers.dojoId, hash: staffUsers.passwordHash, sv: staffUsers.sessionVersion, active: staffUsers.active })
    .from(staffUsers)
    .where(eq(staffUsers.email, email.trim().toLowerCase()));
  const valid = (await verifyPassword(user?.hash, password)) && !!user?.active;
  if (!valid || !user) return { ok: false, reason: "invalid" };
  await loginSucceeded(db, identifier, ip, now);
  return { ok: true, claims: { kind: "staff", id: user.id, dojoId: user.dojoId, sv: user.sv } };
}

/** Members-area login with UID + password; inactive members cannot log in. */
export async function checkMemberCredentials(db: Db, uid: string, password: string, ip: string, now = new Date()): Promise<CredentialCheck> {
  const normalized = uid.trim().toUpperCase();
  const identifier = `member:${normalized}`;
  const throttle = await takeLoginAttempt(db, identifier, ip, now);
  if (throttle.throttled) return { ok: false, reason: "throttled", retryAfterMinutes: throttle.retryAfterMinutes };
  const [member] = await db
    .select({ id: members.id, dojoId: members.dojoId, hash: members.passwordHash, sv: members.sessionVersion, status: members.status })
    .from(members)
    .innerJoin(dojos, eq(dojos.id, members.dojoId))
    .where(eq(members.uid, normalized));
  const valid = (await verifyPassword(member?.hash, password)) && member?.status === "active";
  if (!valid || !member) return { ok: false, reason: "invalid" };
  await loginSucceeded(db, identifier, ip, now);
  return { ok: true, claims: { kind: "member", id: member.id, dojoId: member.dojoId, sv: member.sv } };
}
