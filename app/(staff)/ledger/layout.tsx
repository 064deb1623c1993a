import { StaffIntlProvider } from "@/components/i18n/staff-intl-provider";
import { staffLocale } from "@/lib/i18n/staff-session";

// Its client components' words only (lib/i18n/staff-client-messages.ts), not the whole dashboard's.
export default async function LedgerLayout({ children }: { children: React.ReactNode }) {
  return (
    <StaffIntlProvider locale={await staffLocale()} part="ledger">
      {children}
    </StaffIntlProvider>
  );
}
