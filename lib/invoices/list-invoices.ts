import { and, count, desc, eq, ilike, inArray, lt, sql, sum, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, invoiceTotals, members } from "@/db/schema";
import { PAGE_SIZE } from "@/lib/pagination";
import { containsPattern } from "@/lib/search-pattern";
import { memberFullName } from "@/lib/members/full-name";
import { invoiceSummaryColumns } from "./summary-columns";
import { today } from "@/lib/dates";
import type { StatusFilter } from "./status";

export interface InvoiceListFilters {
  status?: StatusFilter | null;
  /** Matches the invoice number or the member's name. */
  q?: string;
  memberId?: string;
  page?: number;
  pageSize?: number;
}

export interface InvoiceListRow {
  id: string;
  number: string | null;
  status: (typeof invoices.$inferSelect)["status"];
  currency: string;
  totalMinor: number;
  paidMinor: number;
  issueDate: string;
  dueDate: string;
  memberId: string;
  memberName: string;
}

export interface InvoiceListTotals {
  currency: string;
  totalMinor: number;
  openMinor: number;
}

function conditions(db: DbOrTx, dojoId: string, { status, q, memberId }: InvoiceListFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(invoices.dojoId, dojoId)];
  if (memberId) where.push(eq(invoices.memberId, memberId));
  if (status === "overdue") where.push(eq(invoices.status, "open"), lt(invoices.dueDate, today()));
  else if (status) where.push(eq(invoices.status, status));
  const term = q?.trim();
  if (term) where.push(inArray(invoices.id, matching(db, dojoId, containsPattern(term))));
  return and(...where);
}

/**
 * The invoices whose number or member's name contains the text. Two index-served halves (a
 * trigram index on the number; the dojo's members, then their invoices) rather than one OR over
 * the joined tables, which no index serves and reads all of a dojo's invoices.
 */
function matching(db: DbOrTx, dojoId: string, like: string) {
  const byNumber = db.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.dojoId, dojoId), ilike(invoices.number, like)));
  const namedMembers = db.select({ id: members.id }).from(members).where(and(eq(members.dojoId, dojoId), ilike(memberFullName(), like)));
  const byMember = db.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.dojoId, dojoId), inArray(invoices.memberId, namedMembers)));
  return byNumber.unionAll(byMember);
}

/**
 * Count and sums of the list without a search or member: from the rollup kept with every change
 * (db/schema/invoices.ts invoiceTotals), a few rows whatever the number of invoices — up to 8 slots
 * per key, summed here.
 */
async function rolledUpSums(db: DbOrTx, dojoId: string, status: StatusFilter | null | undefined) {
  const where: (SQL | undefined)[] = [eq(invoiceTotals.dojoId, dojoId)];
  if (status === "overdue") where.push(eq(invoiceTotals.status, "open"), lt(invoiceTotals.dueDate, today()));
  else if (status) where.push(eq(invoiceTotals.status, status));
  return db
    .select({
      currency: invoiceTotals.currency,
      count: sql<number>`sum(${invoiceTotals.invoiceCount})`.mapWith(Number),
      totalMinor: sum(sql`case when ${invoiceTotals.status} <> 'void' then ${invoiceTotals.totalMinor} else 0 end`).mapWith(Number),
      openMinor: sum(sql`case when ${invoiceTotals.status} = 'open' then ${invoiceTotals.openMinor} else 0 end`).mapWith(Number),
    })
    .from(invoiceTotals)
    .where(and(...where))
    .groupBy(invoiceTotals.currency)
    // A status's row stays, at zero, once its last invoice in that currency changed.
    .having(sql`sum(${invoiceTotals.invoiceCount}) > 0`);
}

/** Count and sums of a search or one member's invoices: few rows, summed as they are. */
async function liveSums(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      currency: invoices.currency,
      count: count(),
      totalMinor: sum(sql`case when ${invoices.status} <> 'void' then ${invoices.totalMinor} else 0 end`).mapWith(Number),
      openMinor: sum(sql`case when ${invoices.status} = 'open' then ${invoices.totalMinor} - ${invoices.paidMinor} else 0 end`).mapWith(Number),
    })
    .from(invoices)
    .where(where)
    .groupBy(invoices.currency);
}

/** One page of the dojo's invoices, newest first, with the count and sums of everything matching. */
export async function listInvoices(db: DbOrTx, dojoId: string, filters: InvoiceListFilters = {}) {
  const pageSize = filters.pageSize ?? PAGE_SIZE;
  const page = Math.max(1, filters.page ?? 1);
  const where = conditions(db, dojoId, filters);
  const rows: InvoiceListRow[] = await db
    .select({
      ...invoiceSummaryColumns,
      memberId: invoices.memberId,
      memberName: memberFullName(),
    })
    .from(invoices)
    .innerJoin(members, and(eq(members.dojoId, invoices.dojoId), eq(members.id, invoices.memberId)))
    .where(where)
    .orderBy(desc(invoices.issueDate), desc(invoices.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  // Void invoices are listed but owe nothing, so they count toward neither sum.
  const sums = filters.q?.trim() || filters.memberId ? await liveSums(db, where) : await rolledUpSums(db, dojoId, filters.status);
  const total = sums.reduce((n, s) => n + s.count, 0);
  const totals: InvoiceListTotals[] = sums.map(({ currency, totalMinor, openMinor }) => ({ currency, totalMinor: totalMinor ?? 0, openMinor: openMinor ?? 0 }));
  return { rows, total, totals, page, pageSize };
}
