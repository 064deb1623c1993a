import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { PathnameContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import type { StaffClientPart } from "@/lib/i18n/staff-client-messages";
import { TestStaffIntl } from "./staff-intl";
import { staffLocale } from "@/lib/i18n/staff-session";

// Client components call useRouter()/usePathname(), which need the app router's contexts; a
// server render only draws them, so a router that goes nowhere is enough.
const router = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {}, hmrRefresh() {} } as unknown as AppRouterInstance;

/**
 * A staff page's HTML as the dashboard shows it: inside the staff layout's provider, in the
 * signed-in staff member's language (its client components read their words from there).
 */
export async function renderStaffPage(page: ReactNode | Promise<ReactNode>, pathname = "/", part?: StaffClientPart): Promise<string> {
  const children = await page;
  const locale = await staffLocale();
  return renderToStaticMarkup(
    <AppRouterContext.Provider value={router}>
      <PathnameContext.Provider value={pathname}>
        <TestStaffIntl locale={locale} part={part}>
          {children}
        </TestStaffIntl>
      </PathnameContext.Provider>
    </AppRouterContext.Provider>,
  ).replaceAll("<!-- -->", "");
}
