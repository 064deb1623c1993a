import { and, asc, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, members } from "@/db/schema";
import { today } from "@/lib/dates";

/** The open invoices whose due date passed the longest ago (overdue as in lib/invoices/status.ts). */
export async function mostOverdueInvoices(db: DbOrTx, dojoId: string, limit = 5, on = today()) {
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      dueDate: invoices.dueDate,
      totalMinor: invoices.totalMinor,
      paidMinor: invoices.paidMinor,
      currency: invoices.currency,
      firstName: members.firstName,
      lastName: members.lastName,
    })
    .from(invoices)
    .innerJoin(members, and(eq(members.id, invoices.memberId), eq(members.dojoId, dojoId)))
    .where(and(eq(invoices.dojoId, dojoId), eq(invoices.status, "open"), lt(invoices.dueDate, on)))
    .orderBy(asc(invoices.dueDate), asc(invoices.number))
    .limit(limit);
  return rows.map((r) => ({ ...r, outstandingMinor: r.totalMinor - r.paidMinor, daysOverdue: daysBetween(r.dueDate, on) }));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
