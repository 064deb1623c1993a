import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { invalidInput } from "@/lib/errors";
import { priceLines, type PricedLine } from "./price-lines";
import type { InvoiceInput } from "./schemas";


/**
 * Server-side checks shared by creating and editing: the member must belong to the dojo,
 * and the totals are computed here from the lines (never taken from the browser).
 */
export async function prepareInvoice(db: DbOrTx, dojo: { id: string; currency: string }, input: InvoiceInput): Promise<{ lines: PricedLine[]; totalMinor: number }> {
  const [member] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, input.memberId), eq(members.dojoId, dojo.id)));
  if (!member) throw invalidInput("invoice.member_not_in_dojo");
  const priced = priceLines(input.lines, dojo.currency);
  if (!priced.ok) throw invalidInput("invoice.lines", priced.problems);
  return priced;
}
