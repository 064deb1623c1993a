import type { LedgerKind } from "@/db/schema";

/*
 * The ledger's sign convention — every reader and writer of ledger_entries follows it:
 *
 * - kind "revenue": money in. A positive amount is income (a payment, a manual revenue);
 *   a refund or a correction of revenue is a NEGATIVE revenue entry.
 * - kind "cost": money out, stored as a POSITIVE amount (rent, equipment); a correction of a
 *   cost is a NEGATIVE cost entry.
 *
 * So each kind's total is the plain sum of its amounts, and net = revenue total − cost total.
 * Entries are never changed: a correction is a new entry with the opposite amount of the one it
 * corrects, linked to it by corrects_entry_id.
 */

export const KIND_LABELS: Record<LedgerKind, string> = { revenue: "Revenue", cost: "Cost" };
