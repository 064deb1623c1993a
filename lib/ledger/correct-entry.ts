import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { ledgerEntries } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/session";
import { NotFoundError, refused } from "@/lib/errors";
import { appendLedgerEntry } from "./append";
import type { correctEntrySchema } from "./schemas";

/**
 * Reverses an entry by appending its exact opposite, linked by corrects_entry_id; the original
 * stays as it was. The reversal carries the original's date so the month the mistake was booked
 * in comes out right (created_at still records when the correction was made). Run inside the action's transaction: the
 * original's row lock makes two simultaneous corrections of one entry queue, so the second sees
 * the first and is refused.
 */
export async function correctLedgerEntry(tx: Tx, ctx: StaffContext, input: z.output<typeof correctEntrySchema>) {
  const [original] = await tx
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.id, input.entryId), eq(ledgerEntries.dojoId, ctx.dojo.id)))
    .for("update");
  if (!original) throw new NotFoundError("Ledger entry");
  if (original.correctsEntryId) throw refused("ledger.correction_of_correction");
  // Payment and refund entries mirror a payment record; correcting one alone would leave the
  // ledger disagreeing with the invoice it belongs to.
  if (original.paymentId || original.refundKey) throw refused("ledger.entry_of_payment");

  const [existing] = await tx
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.dojoId, ctx.dojo.id), eq(ledgerEntries.correctsEntryId, original.id)))
    .limit(1);
  if (existing) throw refused("ledger.already_corrected");

  return appendLedgerEntry(tx, {
    dojoId: ctx.dojo.id,
    kind: original.kind,
    date: original.date,
    category: original.category,
    description: `Correction of “${original.description}”: ${input.reason}`,
    amountMinor: -original.amountMinor,
    currency: original.currency,
    invoiceId: original.invoiceId,
    correctsEntryId: original.id,
    createdBy: ctx.user.id,
  });
}

