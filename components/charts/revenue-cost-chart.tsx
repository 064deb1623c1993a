"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BUCKET_NAMES, type Bucket } from "@/lib/ledger/buckets";
import { currencyExponent, formatMoney } from "@/lib/money";
import { formatPeriodStart } from "@/lib/dates";

export interface RevenueCostPoint {
  /** The first day of the bar's period, "YYYY-MM-DD". */
  start: string;
  revenueMinor: number;
  costMinor: number;
}


const REVENUE = "#059669"; // emerald-600
const COSTS = "#e11d48"; // rose-600

// A week is labelled by its first day.
const labelFor = (bucket: Bucket) => (start: string) => formatPeriodStart(start, bucket === "week" ? "day" : bucket);


/** Revenue against costs per day, week, month or year; values stay in minor units and are only formatted here. */
export function RevenueCostChart({ data, bucket, currency }: { data: RevenueCostPoint[]; bucket: Bucket; currency: string }) {
  const label = labelFor(bucket);
  const tooltipLabel = (start: string) => (bucket === "week" ? `Week of ${label(start)}` : label(start));
  const compact = new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  const unit = 10 ** currencyExponent(currency);
  const money = (value: unknown) => formatMoney(Number(value), currency);
  return (
    <figure aria-label={`Revenue and costs per ${BUCKET_NAMES[bucket]}, ${data.length} ${BUCKET_NAMES[bucket]}s`} className="h-72 w-full sm:h-80">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="start" tickFormatter={label} tick={{ fontSize: 12, fill: "#78716c" }} tickLine={false} axisLine={false} minTickGap={8} interval="preserveStartEnd" />
          <YAxis tickFormatter={(v: number) => compact.format(v / unit)} tick={{ fontSize: 12, fill: "#78716c" }} tickLine={false} axisLine={false} width={56} />
          <Tooltip
            formatter={(value, name) => [money(value), name]}
            labelFormatter={(start) => tooltipLabel(String(start))}
            cursor={{ fill: "#f5f5f4" }}
            contentStyle={{ borderRadius: 8, borderColor: "#e7e5e4", fontSize: 13 }}
          />
          {/* In bar order (revenue, then costs) rather than alphabetical. */}
          <Legend wrapperStyle={{ fontSize: 13 }} iconType="circle" itemSorter={null} />
          <Bar dataKey="revenueMinor" name="Revenue" fill={REVENUE} radius={[3, 3, 0, 0]} maxBarSize={28} />
          <Bar dataKey="costMinor" name="Costs" fill={COSTS} radius={[3, 3, 0, 0]} maxBarSize={28} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
