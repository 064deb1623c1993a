import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";

/** One headline figure; the whole card links to the list behind it. */
export function KpiCard({ label, value, detail, href, tone = "neutral" }: { label: string; value: ReactNode; detail?: ReactNode; href: string; tone?: "neutral" | "alert" | "good" }) {
  return (
    <Card className={cn("transition-colors hover:border-brand-300", tone === "alert" && "border-red-200 bg-red-50/40")}>
      <Link href={href} className="block h-full px-4 py-3">
        <p className="text-sm text-stone-500">{label}</p>
        <p className={cn("mt-1 text-2xl font-semibold tabular-nums", tone === "alert" ? "text-red-700" : tone === "good" ? "text-emerald-700" : "text-stone-900")}>{value}</p>
        {detail && <p className="mt-0.5 text-sm text-stone-500 tabular-nums">{detail}</p>}
      </Link>
    </Card>
  );
}
