// The staff dashboard's words: messages/staff/<locale>/<area>.json, one file per area of the
// dashboard so each area is translated (and reviewed) on its own. Read as the "staff" namespace,
// beside the member-facing tree (shared components take their words from there, in the same language).
import { createTranslator } from "next-intl";
import shellEn from "@/messages/staff/en/shell.json";
import dashboardEn from "@/messages/staff/en/dashboard.json";
import membersEn from "@/messages/staff/en/members.json";
import invoicesEn from "@/messages/staff/en/invoices.json";
import ledgerEn from "@/messages/staff/en/ledger.json";
import campaignsEn from "@/messages/staff/en/campaigns.json";
import settingsEn from "@/messages/staff/en/settings.json";
import accountEn from "@/messages/staff/en/account.json";
import webshopEn from "@/messages/staff/en/webshop.json";
import authEn from "@/messages/staff/en/auth.json";
import shellNl from "@/messages/staff/nl/shell.json";
import dashboardNl from "@/messages/staff/nl/dashboard.json";
import membersNl from "@/messages/staff/nl/members.json";
import invoicesNl from "@/messages/staff/nl/invoices.json";
import ledgerNl from "@/messages/staff/nl/ledger.json";
import campaignsNl from "@/messages/staff/nl/campaigns.json";
import settingsNl from "@/messages/staff/nl/settings.json";
import accountNl from "@/messages/staff/nl/account.json";
import webshopNl from "@/messages/staff/nl/webshop.json";
import authNl from "@/messages/staff/nl/auth.json";
import { MESSAGES, type Translate } from "./messages";
import type { StaffLocale } from "./staff-locales";

const en = { shell: shellEn, dashboard: dashboardEn, members: membersEn, invoices: invoicesEn, ledger: ledgerEn, campaigns: campaignsEn, settings: settingsEn, account: accountEn, webshop: webshopEn, auth: authEn };
export type StaffMessages = typeof en;

export const STAFF_MESSAGES: Record<StaffLocale, StaffMessages> = {
  en,
  nl: { shell: shellNl, dashboard: dashboardNl, members: membersNl, invoices: invoicesNl, ledger: ledgerNl, campaigns: campaignsNl, settings: settingsNl, account: accountNl, webshop: webshopNl, auth: authNl },
};

/** Everything a staff page may read: the member-facing tree (shared components) and "staff". */
export const staffMessageTree = (locale: StaffLocale) => ({ ...MESSAGES[locale], staff: STAFF_MESSAGES[locale] });

/** `t("key")` for a staff namespace ("staff.members"; "common" etc. for shared words), in one language. */
export function staffTranslator(locale: StaffLocale, namespace: string): Translate {
  return createTranslator({ locale, messages: staffMessageTree(locale), namespace: namespace as never }) as unknown as Translate;
}
