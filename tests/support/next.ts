// notFound() and redirect() end a page by throwing an error with a digest Next.js understands.
export const digestOf = (e: unknown) => (e as { digest?: string }).digest ?? "";
export const isNotFound = (e: unknown) => digestOf(e).includes("404");
export const redirectsTo = (path: string) => (e: unknown) => digestOf(e).includes(`;${path};`);
