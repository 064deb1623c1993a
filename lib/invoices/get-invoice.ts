import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { automaticRefunds, invoiceLines, invoices, members, payments } from "@/db/schema";
import { idSchema } from "@/lib/validation/common";

/** An invoice of the dojo with its member, lines, payments and automatic refunds; null when it is not the dojo's. */
export async function getInvoice(db: DbOrTx, dojoId: string, invoiceId: string) {
  if (!idSchema.safeParse(invoiceId).success) return null;
  const [row] = await db
    .select({
      invoice: invoices,
      member: { id: members.id, uid: members.uid, firstName: members.firstName, lastName: members.lastName, email: members.email, address: members.address },
    })
    .from(invoices)
    .innerJoin(members, eq(members.id, invoices.memberId))
    .where(and(eq(invoices.id, invoiceId), eq(invoices.dojoId, dojoId)));
  if (!row) return null;
  const [lines, paymentRows, automaticRefundRows] = await Promise.all([
    db.select().from(invoiceLines).where(and(eq(invoiceLines.invoiceId, invoiceId), eq(invoiceLines.dojoId, dojoId))).orderBy(asc(invoiceLines.position)),
    db.select().from(payments).where(and(eq(payments.invoiceId, invoiceId), eq(payments.dojoId, dojoId))).orderBy(asc(payments.paidAt), asc(payments.createdAt)),
    // Card payments Tatami gave back instead of recording ("Paid twice — €50.00 refunded automatically").
    db.select().from(automaticRefunds).where(and(eq(automaticRefunds.invoiceId, invoiceId), eq(automaticRefunds.dojoId, dojoId))).orderBy(asc(automaticRefunds.createdAt), asc(automaticRefunds.id)),
  ]);
  return { ...row, lines, payments: paymentRows, automaticRefunds: automaticRefundRows };
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoice>>>;
