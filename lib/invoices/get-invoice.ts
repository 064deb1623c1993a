import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoiceLines, invoices, members, payments } from "@/db/schema";
import { idSchema } from "@/lib/validation/common";

/** An invoice of the dojo with its member, lines and payments; null when it is not the dojo's. */
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
  const [lines, paymentRows] = await Promise.all([
    db.select().from(invoiceLines).where(and(eq(invoiceLines.invoiceId, invoiceId), eq(invoiceLines.dojoId, dojoId))).orderBy(asc(invoiceLines.position)),
    db.select().from(payments).where(and(eq(payments.invoiceId, invoiceId), eq(payments.dojoId, dojoId))).orderBy(asc(payments.paidAt), asc(payments.createdAt)),
  ]);
  return { ...row, lines, payments: paymentRows };
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoice>>>;
