import type { ReactNode } from "react";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { StaffIntlProvider } from "@/components/i18n/staff-intl-provider";
import { Field } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import type { Locale } from "@/lib/i18n/locales";
import type { StaffLocale } from "@/lib/i18n/staff-locales";

// Shared components as a page puts them, for tests of the words they show.
export const pagination = <Pagination page={2} pageSize={25} total={60} href={(page) => `/members?page=${page}`} />;
export const requiredField = (
  <Field label="Name" required>
    <input name="name" />
  </Field>
);
/** A field whose error is a schema's message, as react-hook-form's zodResolver hands it on; and one whose error is already words. */
export const fieldWithError = (error: string) => (
  <Field label="Name" error={error}>
    <input name="name" />
  </Field>
);
export const onMemberPage = (locale: Locale, node: ReactNode) => (
  <IntlProvider locale={locale} namespaces={[]}>
    {node}
  </IntlProvider>
);
export const inStaffDashboard = (locale: StaffLocale, node: ReactNode) => (
  <StaffIntlProvider locale={locale} part="members">
    {node}
  </StaffIntlProvider>
);
