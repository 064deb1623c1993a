import type { ReactElement } from "react";
import { StaffIntlProvider } from "@/components/i18n/staff-intl-provider";
import { staffLocale } from "@/lib/i18n/staff-session";
import { html } from "./next";

/**
 * A staff page as HTML inside the dashboard's language, as the staff layout gives it: its client
 * components take their words from the provider (the signed-in staff member's language).
 */
export async function staffHtml(page: ReactElement | Promise<ReactElement>) {
  const locale = await staffLocale();
  const content = await page;
  return html(<StaffIntlProvider locale={locale}>{content}</StaffIntlProvider>);
}
