import type { ReactElement } from "react";
import type { StaffClientPart } from "@/lib/i18n/staff-client-messages";
import { TestStaffIntl } from "./staff-intl";
import { staffLocale } from "@/lib/i18n/staff-session";
import { html } from "./next";

/**
 * A staff page as HTML inside the dashboard's language, as the staff layout gives it: its client
 * components take their words from the provider (the signed-in staff member's language).
 */
export async function staffHtml(page: ReactElement | Promise<ReactElement>, part?: StaffClientPart) {
  const locale = await staffLocale();
  const content = await page;
  return html(<TestStaffIntl locale={locale} part={part}>{content}</TestStaffIntl>);
}
