import { StaffIntlProvider } from "@/components/i18n/staff-intl-provider";
import { staffLocale } from "@/lib/i18n/staff-session";

// Its client components' words only (lib/i18n/staff-client-messages.ts): the members list's are few.
export default async function MemberImportLayout({ children }: { children: React.ReactNode }) {
  return (
    <StaffIntlProvider locale={await staffLocale()} part="memberImport">
      {children}
    </StaffIntlProvider>
  );
}
