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

function searchCondition(q: string): SQL | undefined {
  const words = q.trim().replace(/\s+/g, " ");
  if (!words) return undefined;
  const pattern = containsPattern(words);
  return or(
    ilike(members.firstName, pattern),
    ilike(members.lastName, pattern),
    ilike(members.email, pattern),
    ilike(members.uid, pattern),
    // "Aiko Tanaka" and "Tanaka Aiko" both find her.
    ilike(memberFullName(), pattern),
    ilike(sql`${members.lastName} || ' ' || ${members.firstName}`, pattern),
  );
}

/** One page of this dojo's members, by last name, with the total for pagination. */
export async function listMembers(db: DbOrTx, dojoId: string, query: MemberListQuery = {}): Promise<MemberList> {
  const status = query.status ?? "active";
  const page = Math.max(1, query.page ?? 1);
  const where = and(eq(members.dojoId, dojoId), status === "all" ? undefined : eq(members.status, status), searchCondition(query.q ?? ""));
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

/** Whether the dojo has any member at all: tells "no members yet" from "no results". */
export async function dojoHasMembers(db: DbOrTx, dojoId: string): Promise<boolean> {
  const [row] = await db.select({ id: members.id }).from(members).where(eq(members.dojoId, dojoId)).limit(1);
  return !!row;
}
