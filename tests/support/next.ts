// notFound() and redirect() end a page by throwing an error with a digest Next.js understands.
export const digestOf = (e: unknown) => (e as { digest?: string }).digest ?? "";
export const isNotFound = (e: unknown) => digestOf(e).includes("404");
export const redirectsTo = (path: string) => (e: unknown) => digestOf(e).includes(`;${path};`);

const REACT_INTERNALS = new Set(["_owner", "_store", "_debugInfo", "_debugStack", "_debugTask", "_source"]);

/**
 * Everything a page element carries, as text: the strings it renders and the props it hands
 * to client components (what would be serialised to the browser), without rendering it.
 */
export function elementText(node: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(node, (key, value: unknown) => {
    if (REACT_INTERNALS.has(key) || typeof value === "function") return undefined;
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) return undefined;
      seen.add(value);
    }
    return value;
  });
}
