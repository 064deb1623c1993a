import { NextIntlClientProvider } from "next-intl";
import { STAFF_CLIENT_NAMESPACES, pickMessages, type StaffClientPart } from "@/lib/i18n/staff-client-messages";
import { staffMessageTree } from "@/lib/i18n/staff-messages";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { StaffIntlProvider } from "@/components/i18n/staff-intl-provider";

const EVERY_PART = [...new Set(Object.values(STAFF_CLIENT_NAMESPACES).flat())];

/**
 * The provider a staff page's client components read in a test: its part's (its area's layout
 * gives exactly those), or, for a test that does not name one, every part's words together.
 */
export function TestStaffIntl({ locale, part, children }: { locale: StaffLocale; part?: StaffClientPart; children: React.ReactNode }) {
  if (part) return <StaffIntlProvider locale={locale} part={part}>{children}</StaffIntlProvider>;
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(staffMessageTree(locale) as never, EVERY_PART)} formats={{}} timeZone="UTC" now={new Date()}>
      {children}
    </NextIntlClientProvider>
  );
}
