"use client";
import { useTranslations } from "next-intl";

export function Availability({ available }: { available: number | null }) {
  const t = useTranslations("shop.stock");
  if (available === null) return null;
  if (available === 0) return <span className="inline-flex items-center rounded-full bg-stone-900/80 px-2 py-0.5 text-xs font-semibold text-white">{t("soldOut")}</span>;
  if (available <= 3) return <span className="text-xs font-medium text-amber-700">{t("onlyLeft", { count: available })}</span>;
  return <span className="text-xs text-stone-500">{t("inStock")}</span>;
}
