import { and, count, desc, eq, ilike, lt, or, sql, sum, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, members } from "@/db/schema";
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

function conditions(dojoId: string, { status, q, memberId }: InvoiceListFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(invoices.dojoId, dojoId)];
  if (memberId) where.push(eq(invoices.memberId, memberId));
  if (status === "overdue") where.push(eq(invoices.status, "open"), lt(invoices.dueDate, today()));
  else if (status) where.push(eq(invoices.status, status));
  const term = q?.trim();
  if (term) {
    const like = containsPattern(term);
    where.push(or(ilike(invoices.number, like), ilike(memberFullName(), like)));
  }
  return and(...where);
}

/** One page of the dojo's invoices, newest first, with the count and sums of everything matching. */
export async function listInvoices(db: DbOrTx, dojoId: string, filters: InvoiceListFilters = {}) {
  const pageSize = filters.pageSize ?? PAGE_SIZE;
  const page = Math.max(1, filters.page ?? 1);
  const where = conditions(dojoId, filters);
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
  let sumsQuery = db
    .select({
      currency: invoices.currency,
      count: count(),
      totalMinor: sum(sql`case when ${invoices.status} <> 'void' then ${invoices.totalMinor} else 0 end`).mapWith(Number),
      openMinor: sum(sql`case when ${invoices.status} = 'open' then ${invoices.totalMinor} - ${invoices.paidMinor} else 0 end`).mapWith(Number),
    })
    .from(invoices)
    .$dynamic();
  // The member is joined only to search by name: the sums of a big dojo then come from the index alone.
  if (filters.q?.trim()) sumsQuery = sumsQuery.innerJoin(members, and(eq(members.dojoId, invoices.dojoId), eq(members.id, invoices.memberId)));
  const sums = await sumsQuery.where(where).groupBy(invoices.currency);
  const total = sums.reduce((n, s) => n + s.count, 0);
  const totals: InvoiceListTotals[] = sums.map(({ currency, totalMinor, openMinor }) => ({ currency, totalMinor: totalMinor ?? 0, openMinor: openMinor ?? 0 }));
  return { rows, total, totals, page, pageSize };
}
