import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invoices, type Invoice } from "@/db/schema";
import { refused } from "@/lib/errors";
import { lockInvoice } from "./lock-invoice";
import { numberInvoice } from "./number";

/** Draft → open: assigns the next number of the issue date's year. */
export async function issueInvoice(tx: Tx, dojoId: string, invoiceId: string): Promise<Invoice> {
  const invoice = await lockInvoice(tx, dojoId, invoiceId);
  if (invoice.status !== "draft") throw refused("invoice.not_draft", { action: "issue", status: invoice.status });
  await tx.update(invoices).set({ status: "open" }).where(eq(invoices.id, invoice.id));
  return numberInvoice(tx, invoice);
}
