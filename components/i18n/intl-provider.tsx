import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { clientMessages } from "@/lib/i18n/compile-messages";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";

/**
 * Gives the client components below a page's language and only the namespaces they use. Every
 * value is passed, so next-intl never looks for a request configuration: the language is the
 * member's (signed in, or the one a link belongs to), decided by the page, never by the URL.
 * "ui" and "validation" are always there: the shared components (dialogs, fields, pagination,
 * toasts) read them, a field its error (lib/validation/message-key.ts).
 */
export function IntlProvider({ locale, namespaces, children }: { locale: Locale; namespaces: Array<keyof Messages>; children: React.ReactNode }) {
  const messages = Object.fromEntries([...new Set<keyof Messages>([...namespaces, "ui", "validation"])].map((ns) => [ns, MESSAGES[locale][ns]]));
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages(messages)} formats={{}} timeZone="UTC" now={new Date()}>
      {children}
    </NextIntlClientProvider>
  );
}
