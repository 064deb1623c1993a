"use client";
import { useTransition } from "react";
import { Globe } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { LANGUAGE_NAMES, LOCALES, isLocale } from "@/lib/i18n/locales";
import { chooseShopLanguageAction } from "./actions";

/** The visitor's language for the shop: kept in a cookie, so the server renders the page in it. */
export function LanguagePicker() {
  const t = useTranslations("shop");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  return (
    // The native select, invisible over the label: the phone's own picker opens, and the label
    // shows the short code on a phone (the shop's title needs the room) and the name on wider screens.
    <label className="relative inline-flex h-10 items-center gap-1.5 rounded-full border border-stone-300 bg-white px-3 text-sm font-medium text-stone-800 focus-within:ring-2 focus-within:ring-brand-600 hover:bg-stone-100">
      <Globe className="size-4 text-stone-500" aria-hidden />
      <span aria-hidden>
        <span className="uppercase sm:hidden">{locale}</span>
        <span className="hidden sm:inline">{isLocale(locale) ? LANGUAGE_NAMES[locale] : locale}</span>
      </span>
      <select
        aria-label={t("language")}
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const chosen = event.target.value;
          // The action sets the cookie; Next.js then renders the page again, in the new language.
          if (isLocale(chosen)) startTransition(async () => void (await chooseShopLanguageAction({ locale: chosen })));
        }}
        className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
