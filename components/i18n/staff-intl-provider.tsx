import { NextIntlClientProvider } from "next-intl";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { clientMessages } from "@/lib/i18n/compile-messages";
import { staffClientMessages, type StaffClientPart } from "@/lib/i18n/staff-client-messages";

/**
 * The staff dashboard's language for the client components of one part of it: the layout's
 * (navigation) for the shell, each area's layout its own (lib/i18n/staff-client-messages.ts).
 * A nested provider replaces the one above it, so each part's list holds all its client words.
 */
export function StaffIntlProvider({ locale, part, children }: { locale: StaffLocale; part: StaffClientPart; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages(staffClientMessages(locale, part))} formats={{}} timeZone="UTC" now={new Date()}>
      {children}
    </NextIntlClientProvider>
  );
}

