import "server-only";
import { cache } from "react";
import { and, eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { dojoBilling, dojos, members, staffUsers, type Dojo, type DojoBilling, type Member, type StaffUser } from "@/db/schema";
import { withEffectivePlan } from "@/lib/account-plans/effective-plan";
import { readSessionClaims } from "./claims";
import { can, type Permission } from "./permissions";

export interface StaffContext {
  user: Pick<StaffUser, "id" | "name" | "email" | "role" | "language">;
  dojo: Dojo;
  /** The dojo's account-plan billing row, read with the session (the plan banner shows it). */
  billing?: DojoBilling | null;
}
export interface MemberContext {
  member: Member;
  dojo: Dojo;
}

// The cookie alone never grants access: the account must still exist, be active and carry
// the same session version (bumped on logout, password change and deactivation).
export const getStaffSession = cache(async (): Promise<StaffContext | null> => {
  const claims = await readSessionClaims();
  if (!claims || claims.kind !== "staff") return null;
  const db = await getDb();
  const [row] = await db
    .select({ user: { id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, role: staffUsers.role, language: staffUsers.language, sv: staffUsers.sessionVersion, active: staffUsers.active }, dojo: dojos, billing: dojoBilling })
    .from(staffUsers)
    .innerJoin(dojos, eq(dojos.id, staffUsers.dojoId))
    .leftJoin(dojoBilling, eq(dojoBilling.dojoId, dojos.id))
    .where(and(eq(staffUsers.id, claims.id), eq(staffUsers.dojoId, claims.dojoId)));
  if (!row || !row.user.active || row.user.sv !== claims.sv) return null;
  const { sv: _sv, active: _active, ...user } = row.user;
  return { user, dojo: withEffectivePlan(row.dojo, row.billing), billing: row.billing };
});

export const getMemberSession = cache(async (): Promise<MemberContext | null> => {
  const claims = await readSessionClaims();
  if (!claims || claims.kind !== "member") return null;
  const db = await getDb();
  const [row] = await db
    .select({ member: members, dojo: dojos, billing: dojoBilling })
    .from(members)
    .innerJoin(dojos, eq(dojos.id, members.dojoId))
    .leftJoin(dojoBilling, eq(dojoBilling.dojoId, dojos.id))
    .where(and(eq(members.id, claims.id), eq(members.dojoId, claims.dojoId)));
  if (!row || row.member.status !== "active" || row.member.sessionVersion !== claims.sv) return null;
  return { member: row.member, dojo: withEffectivePlan(row.dojo, row.billing) };
});

/** For staff pages: the login page when signed out, "not found" without the permission. */
export async function requireStaffPage(permission?: Permission): Promise<StaffContext> {
  const session = await getStaffSession();
  if (!session) redirect("/login");
  // A page the role may not open says so, and whom to ask (app/(staff)/forbidden.tsx), with a 403.
  if (permission && !can(session.user.role, permission)) forbidden();
  return session;
}

export async function requireMemberPage(): Promise<MemberContext> {
  const session = await getMemberSession();
  if (!session) redirect("/portal/login");
  return session;
}

