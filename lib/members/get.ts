import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";

// Everything staff may see of a member: never the password hash or session version.
export const memberProfileColumns = {
  id: members.id,
  uid: members.uid,
  firstName: members.firstName,
  lastName: members.lastName,
  email: members.email,
  phone: members.phone,
  birthDate: members.birthDate,
  address: members.address,
  notes: members.notes,
  language: members.language,
  status: members.status,
  hasPortalPassword: sql<boolean>`${members.passwordHash} is not null`.as("has_portal_password"),
  createdAt: members.createdAt,
};
export type MemberProfile = {
  id: string;
  uid: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  address: string | null;
  notes: string | null;
  language: string | null;
  status: "active" | "inactive";
  hasPortalPassword: boolean;
  createdAt: Date;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One member of this dojo, or null (also for ids that are not UUIDs, e.g. from a typed URL). */
export async function getMember(db: DbOrTx, dojoId: string, id: string): Promise<MemberProfile | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select(memberProfileColumns)
    .from(members)
    .where(and(eq(members.id, id), eq(members.dojoId, dojoId)));
  return row ?? null;
}

/** Like getMember, for actions: another dojo's member is "not found", never "forbidden". */
export async function requireMember(db: DbOrTx, dojoId: string, id: string): Promise<MemberProfile> {
  const member = await getMember(db, dojoId, id);
  if (!member) throw new NotFoundError("Member");
  return member;
}
