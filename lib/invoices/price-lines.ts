import { parseAmount } from "@/lib/money";

// Client-safe: the invoice form shows the same total the server will store.
export interface PricedLine {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

const MAX_TOTAL_MINOR = 10 ** 12;

export type PriceProblems = { linePrices: { line: number; problem: string }[]; total?: "too_large" | "not_positive" };
export type PricedLines = { ok: true; lines: PricedLine[]; totalMinor: number } | { ok: false; problems: PriceProblems };

/** Turns typed unit prices into minor units and computes each line's amount and the total. */
export function priceLines(lines: { description: string; quantity: number; unitPrice: string }[], currency: string): PricedLines {
  const linePrices: PriceProblems["linePrices"] = [];
  const priced: PricedLine[] = [];
  let totalMinor = 0;
  lines.forEach((line, i) => {
    const price = parseAmount(line.unitPrice, currency);
    if (!price.ok) {
      linePrices.push({ line: i, problem: price.message });
      return;
    }
    const amountMinor = line.quantity * price.minor;
    totalMinor += amountMinor;
    priced.push({ description: line.description, quantity: line.quantity, unitPriceMinor: price.minor, amountMinor });
  });
  if (linePrices.length > 0) return { ok: false, problems: { linePrices } };
  if (!Number.isSafeInteger(totalMinor) || totalMinor > MAX_TOTAL_MINOR) return { ok: false, problems: { linePrices, total: "too_large" } };
  if (totalMinor <= 0) return { ok: false, problems: { linePrices, total: "not_positive" } };
  return { ok: true, lines: priced, totalMinor };
}
