import { getDb } from "@/db/client";
import { dojos, members, staffUsers, type Plan, type Role } from "@/db/schema";
import type { SessionClaims } from "@/lib/auth/claims";
import { hashPassword } from "@/lib/auth/password";
import { newUid } from "@/lib/members/uid";
import { actAs } from "./session";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

// One hash for every test user: argon2 is deliberately slow.
let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery";
const testHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export async function createDojo(opts: { plan?: Plan; currency?: string; name?: string } = {}) {
  const db = await getDb();
  const id = unique();
  const [dojo] = await db.insert(dojos).values({ name: opts.name ?? `Dojo ${id}`, slug: `dojo-${id}`, currency: opts.currency ?? "EUR", plan: opts.plan ?? "ultimate" }).returning();
  return dojo;
}

export async function createStaff(dojoId: string, role: Role = "owner") {
  const db = await getDb();
  const [user] = await db.insert(staffUsers).values({ dojoId, role, email: `staff-${unique()}@example.test`, name: "Test Staff", passwordHash: await testHash() }).returning();
  return user;
}

export async function createMember(dojoId: string, overrides: Partial<typeof members.$inferInsert> = {}) {
  const db = await getDb();
  const [member] = await db
    .insert(members)
    .values({ dojoId, uid: newUid(), firstName: "Test", lastName: `Member ${unique()}`, email: `m-${unique()}@example.test`, passwordHash: await testHash(), ...overrides })
    .returning();
  return member;
}

/** A dojo with an owner signed in: the usual start of an integration test. */
export async function signedInDojo(opts: { plan?: Plan; currency?: string; role?: Role } = {}) {
  const dojo = await createDojo(opts);
  const user = await createStaff(dojo.id, opts.role ?? "owner");
  signInAsStaff(user);
  return { dojo, user };
}

export function signInAsStaff(user: { id: string; dojoId: string; sessionVersion: number }) {
  const claims: SessionClaims = { kind: "staff", id: user.id, dojoId: user.dojoId, sv: user.sessionVersion };
  actAs(claims);
}

export function signInAsMember(member: { id: string; dojoId: string; sessionVersion: number }) {
  actAs({ kind: "member", id: member.id, dojoId: member.dojoId, sv: member.sessionVersion });
}

export { actAs };
