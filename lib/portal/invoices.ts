import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, type InvoiceStatus } from "@/db/schema";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { invoiceSummaryColumns } from "@/lib/invoices/summary-columns";

// Members see what they owe and what they paid. Drafts are not issued yet and void invoices
// were cancelled, so neither is shown in the members area.
export const MEMBER_VISIBLE_STATUSES = ["open", "paid"] as const satisfies readonly InvoiceStatus[];

interface MemberScope {
  dojoId: string;
  memberId: string;
  /** A family payer's scope: every family member's invoices (lib/portal/family-scope.ts). */
  memberIds?: string[];
}

const idsOf = (scope: MemberScope) => scope.memberIds ?? [scope.memberId];

function ownVisible(scope: MemberScope) {
  return and(eq(invoices.dojoId, scope.dojoId), inArray(invoices.memberId, idsOf(scope)), inArray(invoices.status, MEMBER_VISIBLE_STATUSES));
}

const summaryColumns = { ...invoiceSummaryColumns, paidAt: invoices.paidAt, source: invoices.source, memberId: invoices.memberId, familyId: invoices.familyId };

export type PortalInvoice = Awaited<ReturnType<typeof listMemberInvoices>>[number];

/** The member's own issued invoices (a family payer's: the family's), newest first. */
export async function listMemberInvoices(db: DbOrTx, scope: MemberScope) {
  return db.select(summaryColumns).from(invoices).where(ownVisible(scope)).orderBy(desc(invoices.issueDate), desc(invoices.number));
}

export interface PortalTotals {
  /** What is still to pay on open invoices. */
  openMinor: number;
  /** Everything paid so far, including part payments on open invoices. */
  paidMinor: number;
}

/** Totals of the member's invoices; a dojo bills in one currency, so one pair per currency is rare but handled. */
export async function memberInvoiceTotals(db: DbOrTx, scope: MemberScope): Promise<Map<string, PortalTotals>> {
  const rows = await db
    .select({
      currency: invoices.currency,
      openMinor: sql<string>`coalesce(sum(case when ${invoices.status} = 'open' then ${invoices.totalMinor} - ${invoices.paidMinor} else 0 end), 0)`,
      paidMinor: sql<string>`coalesce(sum(${invoices.paidMinor}), 0)`,
    })
    .from(invoices)
    .where(ownVisible(scope))
    .groupBy(invoices.currency);
  return new Map(rows.map((r) => [r.currency, { openMinor: Number(r.openMinor), paidMinor: Number(r.paidMinor) }]));
}

/** One of the member's own issued invoices with its lines and payments; null for anything else. */
export async function getMemberInvoice(db: DbOrTx, scope: MemberScope, invoiceId: string) {
  const detail = await getInvoice(db, scope.dojoId, invoiceId);
  if (!detail || !idsOf(scope).includes(detail.invoice.memberId) || !isMemberVisible(detail.invoice.status)) return null;
  const { invoice, lines, payments, automaticRefunds } = detail;
  return { ...invoice, openMinor: invoice.status === "open" ? invoice.totalMinor - invoice.paidMinor : 0, lines, payments, automaticRefunds };
}

function isMemberVisible(status: InvoiceStatus): boolean {
  return (MEMBER_VISIBLE_STATUSES as readonly InvoiceStatus[]).includes(status);
}
