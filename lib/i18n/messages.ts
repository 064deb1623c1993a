// The message files (messages/<locale>.json, one namespace per area) and a translator for code
// server code (pages, mails, jobs); client components use next-intl's useTranslations under
// components/i18n/intl-provider.tsx.
import type { ReactNode } from "react";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import fr from "@/messages/fr.json";
import de from "@/messages/de.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, nl, fr, de };

/** `t("key", { name })` for one namespace ("emails.receipt"; "" for the whole tree), in one language. */
export function translator(locale: Locale, namespace: string) {
  // next-intl types namespaces from the message tree; callers here name them as strings.
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: (namespace || undefined) as never }) as unknown as Translate;
}

export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
  rich(key: string, values: Record<string, string | number | ((chunks: ReactNode) => ReactNode)>): ReactNode;
}
