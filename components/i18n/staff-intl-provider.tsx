import { NextIntlClientProvider } from "next-intl";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { clientMessages } from "@/lib/i18n/compile-messages";
import { staffMessageTree } from "@/lib/i18n/staff-messages";

/**
 * The staff dashboard's language for its client components (`useTranslations("staff.members")`).
 * Given once by the staff layout: the dashboard's words are small beside its pages, and a layout
 * is not sent again on client navigation. Shared components read the member-facing namespaces.
 */
export function StaffIntlProvider({ locale, children }: { locale: StaffLocale; children: React.ReactNode }) {
  // Mails and the words of failures (lib/action-errors) are written on the server only.
  const { emails: _emails, errors: _errors, ...messages } = staffMessageTree(locale);
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages(messages)} formats={{}} timeZone="UTC" now={new Date()}>
      {children}
    </NextIntlClientProvider>
  );
}
