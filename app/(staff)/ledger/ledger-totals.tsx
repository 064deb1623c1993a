import { Card } from "@/components/ui/card";
import type { LedgerTotals } from "@/lib/ledger/totals";
import { formatIn } from "@/lib/i18n/format";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { cn } from "@/lib/cn";

export async function LedgerTotalsCards({ totals, currency }: { totals: LedgerTotals; currency: string }) {
  const t = await staffT("staff.ledger.totals");
  const f = formatIn(await staffLocale());
  const cards = [
    { label: t("revenue"), value: totals.revenueMinor, tone: "text-emerald-700" },
    { label: t("costs"), value: totals.costMinor, tone: "text-rose-700" },
    { label: t("net"), value: totals.netMinor, tone: totals.netMinor < 0 ? "text-rose-700" : "text-stone-900" },
  ];
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      {cards.map((c) => (
        <Card key={c.label} className="px-4 py-3">
          <dt className="text-sm text-stone-500">{c.label}</dt>
          <dd className={cn("mt-1 text-2xl font-semibold tabular-nums", c.tone)}>{f.money(c.value, currency)}</dd>
        </Card>
      ))}
    </dl>
  );
}
