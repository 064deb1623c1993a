import { Logo } from "@/components/brand/logo";
import { StaffIntlProvider } from "@/components/i18n/staff-intl-provider";
import { staffLocale } from "@/lib/i18n/staff-session";

// Nobody is signed in yet: the pages speak the browser's language when the dashboard has it.
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <StaffIntlProvider locale={await staffLocale()} part="auth">
      <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-16">
        <Logo />
        <main className="mt-8 w-full max-w-md">{children}</main>
      </div>
    </StaffIntlProvider>
  );
}
