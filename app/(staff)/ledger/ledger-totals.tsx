import { Card } from "@/components/ui/card";
import type { LedgerTotals } from "@/lib/ledger/totals";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/cn";

export function LedgerTotalsCards({ totals, currency }: { totals: LedgerTotals; currency: string }) {
  const cards = [
    { label: "Revenue", value: totals.revenueMinor, tone: "text-emerald-700" },
    { label: "Costs", value: totals.costMinor, tone: "text-rose-700" },
    { label: "Net", value: totals.netMinor, tone: totals.netMinor < 0 ? "text-rose-700" : "text-stone-900" },
  ];
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      {cards.map((c) => (
        <Card key={c.label} className="px-4 py-3">
          <dt className="text-sm text-stone-500">{c.label}</dt>
          <dd className={cn("mt-1 text-2xl font-semibold tabular-nums", c.tone)}>{formatMoney(c.value, currency)}</dd>
        </Card>
      ))}
    </dl>
  );
}
