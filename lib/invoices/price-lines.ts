import { parseAmount } from "@/lib/money";
import type { FieldErrors } from "@/lib/action-result";

// Client-safe: the invoice form shows the same total the server will store.
export interface PricedLine {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

const MAX_TOTAL_MINOR = 10 ** 12;

export type PricedLines = { ok: true; lines: PricedLine[]; totalMinor: number } | { ok: false; fieldErrors: FieldErrors };

/** Turns typed unit prices into minor units and computes each line's amount and the total. */
export function priceLines(lines: { description: string; quantity: number; unitPrice: string }[], currency: string): PricedLines {
  const fieldErrors: FieldErrors = {};
  const priced: PricedLine[] = [];
  let totalMinor = 0;
  lines.forEach((line, i) => {
    const price = parseAmount(line.unitPrice, currency);
    if (!price.ok) {
      fieldErrors[`lines.${i}.unitPrice`] = [price.message];
      return;
    }
    const amountMinor = line.quantity * price.minor;
    totalMinor += amountMinor;
    priced.push({ description: line.description, quantity: line.quantity, unitPriceMinor: price.minor, amountMinor });
  });
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  if (!Number.isSafeInteger(totalMinor) || totalMinor > MAX_TOTAL_MINOR) return { ok: false, fieldErrors: { lines: ["The total is too large"] } };
  if (totalMinor <= 0) return { ok: false, fieldErrors: { lines: ["The total must be more than zero"] } };
  return { ok: true, lines: priced, totalMinor };
}
