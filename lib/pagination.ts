import { z } from "zod";

export const PAGE_SIZE = 25;

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The page number from a URL's search params; anything odd means page 1. */
export function pageFrom(searchParams: Record<string, string | string[] | undefined>): number {
  return pageSchema.parse(searchParams.page ?? 1);
}

/** A search-param value as one trimmed string ("" when absent). */
export function paramOf(searchParams: Record<string, string | string[] | undefined>, key: string): string {
  const value = searchParams[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** The URL of a list page with some params changed, dropping empty ones. */
export function hrefWith(path: string, current: Record<string, string | string[] | undefined>, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && v !== "" && !(key === "page" && String(v) === "1")) params.set(key, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
