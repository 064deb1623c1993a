import { z } from "zod";

export const PAGE_SIZE = 25;

/** A page's URL search params, as Next.js hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The page number from a URL's search params; anything odd means page 1. */
export function pageFrom(searchParams: SearchParams): number {
  return pageSchema.parse(searchParams.page ?? 1);
}

/** A search-param value as one trimmed string ("" when absent). */
export function paramOf(searchParams: SearchParams, key: string): string {
  const value = searchParams[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** The URL of a list page with some params changed, dropping empty ones. */
export function hrefWith(path: string, current: SearchParams, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && v !== "" && !(key === "page" && String(v) === "1")) params.set(key, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * A keyset page: the rows after (older than) or before (newer than) the row with this id, in the
 * list's order. Unlike an offset it costs the same on page 1 and page 10,000, and a row added
 * meanwhile cannot shift rows into a duplicate.
 */
export type Keyset = { after: string } | { before: string } | Record<string, never>;

const cursorSchema = z.string().uuid();

/** The keyset cursor from a URL's search params (`after` or `before`, a row id); anything odd means the first page. */
export function keysetFrom(searchParams: SearchParams): Keyset {
  const after = cursorSchema.safeParse(paramOf(searchParams, "after"));
  if (after.success) return { after: after.data };
  const before = cursorSchema.safeParse(paramOf(searchParams, "before"));
  return before.success ? { before: before.data } : {};
}

/** The links of a keyset page: the cursor of the newer and the older page, null where there is none. */
export interface KeysetLinks {
  newer: Keyset | null;
  older: Keyset | null;
}

/**
 * Trims a keyset query's rows (fetched `pageSize + 1`, in the query's direction) to the page in
 * list order, and works out its links: `before` pages are read backwards and turned round.
 */
export function keysetPage<T extends { id: string }>(rows: T[], keyset: Keyset, pageSize: number): { rows: T[] } & KeysetLinks {
  const more = rows.length > pageSize;
  const backwards = "before" in keyset;
  const page = rows.slice(0, pageSize);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const newer = backwards ? (more && first ? { before: first.id } : null) : "after" in keyset && first ? { before: first.id } : null;
  const older = backwards ? (last ? { after: last.id } : null) : more && last ? { after: last.id } : null;
  return { rows: page, newer, older };
}
