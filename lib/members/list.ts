import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { PAGE_SIZE } from "@/lib/pagination";
import { memberProfileColumns, type MemberProfile } from "./get";
import type { MemberStatusFilter } from "./schemas";
import { containsPattern } from "@/lib/search-pattern";
import { memberFullName } from "./full-name";

export interface MemberListQuery {
  q?: string;
  status?: MemberStatusFilter;
  page?: number;
}

export interface MemberList {
  rows: MemberProfile[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A member whose first name, last name, e-mail or UID holds the words. Each expression is one
 * column of the trigram index `members_search_trgm_idx` (migration 0023): the first and last
 * names alone are inside both full names, so they need no test of their own.
 */
function searchCondition(q: string): SQL | undefined {
  const words = q.trim().replace(/\s+/g, " ");
  if (!words) return undefined;
  const pattern = containsPattern(words);
  return or(
    // "Aiko Tanaka" and "Tanaka Aiko" both find her.
    ilike(memberFullName(), pattern),
    ilike(sql`${members.lastName} || ' ' || ${members.firstName}`, pattern),
    ilike(members.email, pattern),
    ilike(members.uid, pattern),
  );
}

/** One page of this dojo's members, by last name, with the total for pagination. */
export async function listMembers(db: DbOrTx, dojoId: string, query: MemberListQuery = {}): Promise<MemberList> {
  const status = query.status ?? "active";
  const page = Math.max(1, query.page ?? 1);
  const search = searchCondition(query.q ?? "");
  const where = and(eq(members.dojoId, dojoId), status === "all" ? undefined : eq(members.status, status), search);
  if (search) return searchMembers(db, where, page);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(memberProfileColumns)
      .from(members)
      .where(where)
      .orderBy(asc(members.lastName), asc(members.firstName), asc(members.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(members).where(where),
  ]);
  return { rows, total, page, pageSize: PAGE_SIZE };
}

/**
 * A search's page and total in one query. The matches are found once through the trigram index
 * (a CTE read twice is materialised), then sorted: walking the name index instead would test
 * every member of the dojo against the words until a page is filled.
 */
async function searchMembers(db: DbOrTx, where: SQL | undefined, page: number): Promise<MemberList> {
  const found = db.$with("found").as(db.select(memberProfileColumns).from(members).where(where));
  const { id, uid, firstName, lastName, email, phone, birthDate, address, notes, language, status, hasPortalPassword, createdAt } = found;
  const matched = await db
    .with(found)
    .select({ id, uid, firstName, lastName, email, phone, birthDate, address, notes, language, status, hasPortalPassword, createdAt, total: sql<number>`(select count(*) from ${found})`.mapWith(Number) })
    .from(found)
    .orderBy(asc(lastName), asc(firstName), asc(id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  // A page past the end has no row to carry the total.
  const total = matched[0]?.total ?? (await db.select({ total: count() }).from(members).where(where))[0].total;
  return { rows: matched.map(({ total: _total, ...row }) => row), total, page, pageSize: PAGE_SIZE };
}

/** Whether the dojo has any member at all: tells "no members yet" from "no results". */
export async function dojoHasMembers(db: DbOrTx, dojoId: string): Promise<boolean> {
  const [row] = await db.select({ id: members.id }).from(members).where(eq(members.dojoId, dojoId)).limit(1);
  return !!row;
}
