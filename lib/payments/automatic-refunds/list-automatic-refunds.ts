import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { automaticRefunds, type AutomaticRefund } from "@/db/schema";

/** An invoice's automatic refunds, oldest first. */
export function automaticRefundsOfInvoice(db: DbOrTx, dojoId: string, invoiceId: string): Promise<AutomaticRefund[]> {
  return db
    .select()
    .from(automaticRefunds)
    .where(and(eq(automaticRefunds.dojoId, dojoId), eq(automaticRefunds.invoiceId, invoiceId)))
    .orderBy(asc(automaticRefunds.createdAt), asc(automaticRefunds.id));
}
