import Link from "next/link";
import { Button } from "@/components/ui/button";
import { requireMemberPage } from "@/lib/auth/session";
import { translator } from "@/lib/i18n/messages";
import { logOutMember } from "./actions";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { LanguagePicker } from "./language-picker";
import { portalLocale } from "./portal-locale";

// Members open this on their phones: one narrow column, the dojo's name up top, language and log out in reach.
// Each page gives its client components the member's language (IntlProvider), as pages rendered alone in tests do too.
export default async function PortalLayout({
  children,
}: {
  children: React.ReactNode;
}) {
  const session = await requireMemberPage();
  const { dojo, member } = session;
  const locale = portalLocale(session);
  const t = translator(locale, "portal");
  return (
    <div className="min-h-dvh">
      <header className="no-print sticky top-0 z-30 border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 px-4 py-3">
          <Link href="/portal" className="min-w-0">
            <p className="truncate text-base font-semibold text-stone-900">
              {dojo.name}
            </p>
            <p className="truncate text-xs text-stone-500">
              {member.firstName} {member.lastName}
            </p>
          </Link>
          <div className="flex shrink-0 items-center gap-2">
            <IntlProvider locale={locale} namespaces={[]}>
              <LanguagePicker current={locale} label={t("language")} />
            </IntlProvider>
            <form action={logOutMember}>
              <Button type="submit" variant="secondary" size="sm">
                {t("logOut")}
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </div>
  );
}
