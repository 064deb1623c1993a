"use client";
import { useState } from "react";
import Form from "next/form";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { KindFilter } from "@/lib/ledger/filters";
import { PERIODS, type DateRange, type Period } from "@/lib/ledger/period";

/**
 * A GET form, so a filtered view is a URL to bookmark and the export link can reuse it. The date
 * fields appear for "Custom dates" only (without JavaScript they are simply always there).
 */
export function LedgerFilters({ period, kind, custom, notice }: { period: Period; kind: KindFilter; custom: DateRange; notice: string | null }) {
  const [selected, setSelected] = useState(period);
  const t = useTranslations("staff.ledger");
  return (
    <Form action="/ledger" role="search" aria-label={t("filters.label")} className="flex flex-col gap-2 border-b border-stone-100 p-3 sm:flex-row sm:flex-wrap sm:items-end">
      <label className="block sm:w-44">
        <span className="mb-1 block text-xs font-medium text-stone-600">{t("filters.period")}</span>
        <Select name="period" value={selected} onChange={(e) => setSelected(e.target.value as Period)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`period.${p}`)}
            </option>
          ))}
        </Select>
      </label>
      {selected === "custom" && (
        <div className="grid grid-cols-2 gap-2 sm:flex">
          <label className="block">
            <span className="mb-1 block text-xs font-medium text-stone-600">{t("filters.from")}</span>
            <Input type="date" name="from" defaultValue={custom.from ?? ""} />
          </label>
          <label className="block">
            <span className="mb-1 block text-xs font-medium text-stone-600">{t("filters.to")}</span>
            <Input type="date" name="to" defaultValue={custom.to ?? ""} />
          </label>
        </div>
      )}
      <label className="block sm:w-52">
        <span className="mb-1 block text-xs font-medium text-stone-600">{t("filters.kind")}</span>
        <Select name="kind" defaultValue={kind}>
          <option value="all">{t("filters.all")}</option>
          <option value="revenue">{t("filters.revenue")}</option>
          <option value="cost">{t("filters.cost")}</option>
        </Select>
      </label>
      <Button type="submit" variant="secondary">
        {t("filters.apply")}
      </Button>
      {notice && (
        <p role="status" className="basis-full rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          {notice}
        </p>
      )}
    </Form>
  );
}
