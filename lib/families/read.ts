import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { families, familyMembers, members } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { fullName, memberFullName } from "@/lib/members/full-name";
import { containsPattern } from "@/lib/search-pattern";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FamilyPayer {
  /** The paying member, or null for a separate contact. */
  memberId: string | null;
  name: string;
  email: string | null;
}

export interface FamilyDetail {
  id: string;
  name: string;
  payer: FamilyPayer;
  members: { id: string; uid: string; firstName: string; lastName: string; email: string | null; status: "active" | "inactive" }[];
}

export interface FamilyListRow {
  id: string;
  name: string;
  payerName: string;
  memberCount: number;
}


/** The dojo's families by name, searched by family, payer or member name. */
export async function listFamilies(db: DbOrTx, dojoId: string, q = ""): Promise<FamilyListRow[]> {
  const words = q.trim().replace(/\s+/g, " ");
  const pattern = containsPattern(words);
    // Spelled out: Drizzle leaves the table name off columns of a one-table select, which the
  // correlated subqueries below would bind to their own tables.
  const f = { dojoId: sql.raw(`"families"."dojo_id"`), id: sql.raw(`"families"."id"`), payerMemberId: sql.raw(`"families"."payer_member_id"`) };
  const memberMatch = sql`exists (select 1 from ${familyMembers} fm join ${members} m on m.dojo_id = fm.dojo_id and m.id = fm.member_id
    where fm.dojo_id = ${f.dojoId} and fm.family_id = ${f.id} and (m.first_name || ' ' || m.last_name) ilike ${pattern})`;
  const rows = await db
    .select({
      id: families.id,
      name: families.name,
      payerName: sql<string>`coalesce(${families.payerName}, (select m.first_name || ' ' || m.last_name from ${members} m where m.dojo_id = ${f.dojoId} and m.id = ${f.payerMemberId}))`,
      memberCount: sql<number>`(select count(*) from ${familyMembers} fm where fm.dojo_id = ${f.dojoId} and fm.family_id = ${f.id})`.mapWith(Number),
    })
    .from(families)
    .where(and(eq(families.dojoId, dojoId), words ? or(ilike(families.name, pattern), ilike(families.payerName, pattern), memberMatch) : undefined))
    .orderBy(asc(families.name), asc(families.id));
  return rows;
}

/** One family of this dojo with its payer and members, or null. */
export async function getFamily(db: DbOrTx, dojoId: string, id: string): Promise<FamilyDetail | null> {
  if (!UUID.test(id)) return null;
  const [family] = await db.select().from(families).where(and(eq(families.dojoId, dojoId), eq(families.id, id)));
  if (!family) return null;
  const rows = await db
    .select({ id: members.id, uid: members.uid, firstName: members.firstName, lastName: members.lastName, email: members.email, status: members.status })
    .from(familyMembers)
    .innerJoin(members, and(eq(members.dojoId, familyMembers.dojoId), eq(members.id, familyMembers.memberId)))
    .where(and(eq(familyMembers.dojoId, dojoId), eq(familyMembers.familyId, id)))
    .orderBy(asc(members.firstName), asc(members.lastName));
  const payerRow = family.payerMemberId ? rows.find((m) => m.id === family.payerMemberId) : undefined;
  const payer: FamilyPayer = family.payerMemberId
    ? { memberId: family.payerMemberId, name: payerRow ? fullName(payerRow) : "", email: payerRow?.email ?? null }
    : { memberId: null, name: family.payerName ?? "", email: family.payerEmail };
  return { id: family.id, name: family.name, payer, members: rows };
}

export async function requireFamily(db: DbOrTx, dojoId: string, id: string): Promise<FamilyDetail> {
  const family = await getFamily(db, dojoId, id);
  if (!family) throw new NotFoundError("Family");
  return family;
}

/** The family a member belongs to (at most one), or null. */
export async function familyOfMember(db: DbOrTx, dojoId: string, memberId: string): Promise<FamilyDetail | null> {
  const [row] = await db
    .select({ familyId: familyMembers.familyId })
    .from(familyMembers)
    .where(and(eq(familyMembers.dojoId, dojoId), eq(familyMembers.memberId, memberId)));
  return row ? getFamily(db, dojoId, row.familyId) : null;
}

/** Members of the dojo not in any family: who "Add member" can choose. */
export async function membersWithoutFamily(db: DbOrTx, dojoId: string) {
  return db
    .select({ id: members.id, name: memberFullName() })
    .from(members)
    .where(
      and(
        eq(members.dojoId, dojoId),
        eq(members.status, "active"),
        sql`not exists (select 1 from ${familyMembers} fm where fm.dojo_id = "members"."dojo_id" and fm.member_id = "members"."id")`,
      ),
    )
    .orderBy(asc(members.lastName), asc(members.firstName));
}
