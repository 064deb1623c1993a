"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale, useTranslations } from "next-intl";
import type { Bucket } from "@/lib/ledger/buckets";
import { currencyExponent } from "@/lib/money";
import { formatIn, type Formats } from "@/lib/i18n/format";
import { moneyLocale } from "@/lib/i18n/locales";

export interface RevenueCostPoint {
  /** The first day of the bar's period, "YYYY-MM-DD". */
  start: string;
  revenueMinor: number;
  costMinor: number;
}


const REVENUE = "#059669"; // emerald-600
const COSTS = "#e11d48"; // rose-600

/** The chart's words and numbers in the reader's language: axis ticks, tooltip title, amounts. */
export function chartLabels(bucket: Bucket, currency: string, f: Formats, weekOf: (date: string) => string) {
  // A week is labelled by its first day.
  const tick = (start: string) => f.periodStart(start, bucket === "week" ? "day" : bucket);
  const compact = new Intl.NumberFormat(moneyLocale(f.locale), { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  const unit = 10 ** currencyExponent(currency);
  return {
    tick,
    tooltip: (start: string) => (bucket === "week" ? weekOf(tick(start)) : tick(start)),
    axis: (minor: number) => compact.format(minor / unit),
    money: (minor: unknown) => f.money(Number(minor), currency),
  };
}

/** Revenue against costs per day, week, month or year; values stay in minor units and are only formatted here. */
export function RevenueCostChart({ data, bucket, currency }: { data: RevenueCostPoint[]; bucket: Bucket; currency: string }) {
  const t = useTranslations("staff.ledger");
  const f = formatIn(useLocale());
  const labels = chartLabels(bucket, currency, f, (date) => t("chart.weekOf", { date }));
  return (
    <figure aria-label={t(`chartLabel.${bucket}`, { count: data.length })} className="h-72 w-full sm:h-80">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="start" tickFormatter={labels.tick} tick={{ fontSize: 12, fill: "#78716c" }} tickLine={false} axisLine={false} minTickGap={8} interval="preserveStartEnd" />
          <YAxis tickFormatter={labels.axis} tick={{ fontSize: 12, fill: "#78716c" }} tickLine={false} axisLine={false} width={56} />
          <Tooltip
            formatter={(value, name) => [labels.money(value), name]}
            labelFormatter={(start) => labels.tooltip(String(start))}
            cursor={{ fill: "#f5f5f4" }}
            contentStyle={{ borderRadius: 8, borderColor: "#e7e5e4", fontSize: 13 }}
          />
          {/* In bar order (revenue, then costs) rather than alphabetical. */}
          <Legend wrapperStyle={{ fontSize: 13 }} iconType="circle" itemSorter={null} />
          <Bar dataKey="revenueMinor" name={t("chart.revenue")} fill={REVENUE} radius={[3, 3, 0, 0]} maxBarSize={28} />
          <Bar dataKey="costMinor" name={t("chart.costs")} fill={COSTS} radius={[3, 3, 0, 0]} maxBarSize={28} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
