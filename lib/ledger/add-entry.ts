import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { StaffContext } from "@/lib/auth/session";
import { invalidInput } from "@/lib/errors";
import { parseAmount } from "@/lib/money";
import { appendLedgerEntry } from "./append";
import type { manualEntrySchema } from "./schemas";

/** A cost or revenue typed in by staff; always a positive amount (see ./amounts.ts). */
export async function addManualEntry(db: DbOrTx, ctx: StaffContext, input: z.output<typeof manualEntrySchema>) {
  const amount = parseAmount(input.amount, ctx.dojo.currency);
  if (!amount.ok) throw invalidInput("ledger.amount", { problem: amount.message });
  if (amount.minor === 0) throw invalidInput("ledger.amount_zero");
  return appendLedgerEntry(db, {
    dojoId: ctx.dojo.id,
    kind: input.kind,
    date: input.date,
    category: input.category,
    description: input.description,
    amountMinor: amount.minor,
    currency: ctx.dojo.currency,
    createdBy: ctx.user.id,
  });
}
