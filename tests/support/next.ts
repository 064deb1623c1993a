import { renderToReadableStream } from "react-dom/server";
import { createElement, type ComponentProps, type ReactElement } from "react";
import type { StaffClientPart } from "@/lib/i18n/staff-client-messages";

// notFound() and redirect() end a page by throwing an error with a digest Next.js understands.
export const digestOf = (e: unknown) => (e as { digest?: string }).digest ?? "";
export const isNotFound = (e: unknown) => digestOf(e).includes("404");
/** forbidden(): a staff page the role may not open (app/(staff)/forbidden.tsx says who can). */
export const isForbidden = (e: unknown) => digestOf(e).endsWith(";403");
export const redirectsTo = (path: string) => (e: unknown) => digestOf(e).includes(`;${path};`);

/**
 * The page as HTML, with everything that suspends resolved. Inside the staff layout's language
 * (the signed-in staff member's), as its client components read it; member pages set their own.
 * `part`: the area whose layout gives the page's client words (tests/support/staff-intl.tsx).
 */
export async function html(page: ReactElement | Promise<ReactElement>, part?: StaffClientPart) {
  // Imported here: both reach next/navigation, which tests mock with this module's navigationOutsideNext.
  const [{ TestStaffIntl }, { staffLocale }] = await Promise.all([import("./staff-intl"), import("@/lib/i18n/staff-session")]);
  const stream = await renderToReadableStream(createElement(TestStaffIntl, { locale: await staffLocale(), part } as ComponentProps<typeof TestStaffIntl>, await page));
  await stream.allReady;
  return new Response(stream).text();
}

/**
 * For pages rendered to HTML outside Next: their client components get a router that goes nowhere.
 *   vi.mock("next/navigation", async (original) => (await import("../support/next")).navigationOutsideNext(original));
 */
export async function navigationOutsideNext(importOriginal: <T>() => Promise<T>) {
  const router = { push() {}, replace() {}, refresh() {}, back() {}, forward() {}, prefetch() {} };
  return { ...(await importOriginal<typeof import("next/navigation")>()), useRouter: () => router, usePathname: () => "/", useSearchParams: () => new URLSearchParams() };
}
