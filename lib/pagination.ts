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
