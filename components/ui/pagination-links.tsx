"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";

// The words of the pagination in the page's language (its IntlProvider, or the staff dashboard's);
// pagination.tsx works out the URLs on the server, where the pages build them.
const link = "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
const off = `${link} opacity-40`;

export function PageLinks({ from, to, total, page, pages, prev, next }: { from: number; to: number; total: number; page: number; pages: number; prev: string | null; next: string | null }) {
  const t = useTranslations("ui.pagination");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 px-3 py-3 text-sm text-stone-600">
      <p>{t("range", { from, to, total })}</p>
      <div className="flex items-center gap-2">
        {prev ? <Link className={link} href={prev} rel="prev">{t("previous")}</Link> : <span className={off} aria-disabled>{t("previous")}</span>}
        <span>{t("page", { page, pages })}</span>
        {next ? <Link className={link} href={next} rel="next">{t("next")}</Link> : <span className={off} aria-disabled>{t("next")}</span>}
      </div>
    </nav>
  );
}

export function KeysetLinks({ total, newer, older, first }: { total: number; newer: string | null; older: string | null; first: string | null }) {
  const t = useTranslations("ui.pagination");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 px-3 py-3 text-sm text-stone-600">
      <p>{t("inAll", { total })}</p>
      <div className="flex items-center gap-2">
        {first && (
          <Link className={link} href={first}>
            {t("newest")}
          </Link>
        )}
        {newer ? <Link className={link} href={newer} rel="prev">{t("newer")}</Link> : <span className={off} aria-disabled>{t("newer")}</span>}
        {older ? <Link className={link} href={older} rel="next">{t("older")}</Link> : <span className={off} aria-disabled>{t("older")}</span>}
      </div>
    </nav>
  );
}
