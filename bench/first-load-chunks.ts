// Which files a public page makes the browser download at first load, read from the production
// build's manifests (Turbopack): the root main chunks every page loads plus the chunks of the
// page's own layouts and page (`entryJSFiles` of its client-reference manifest). Chunks loaded
// later by dynamic import are not first-load; the polyfill chunk (`polyfillFiles`) is a
// `<script noModule>` that modern browsers skip. e2e/first-load-js.spec.ts checks this list
// against what a browser fetches. Shared by bench/first-load-js.ts and that spec.
import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

// BENCH_NEXT_DIR measures another build (e.g. a webpack build kept in .next-webpack) beside the current one.
export const NEXT_DIR = path.resolve(process.env.BENCH_NEXT_DIR ?? ".next");

/** The pages of issue 18: the shop, the card link and the members area's invoice payment. */
export const PUBLIC_PAGES: Array<{ name: string; route: string }> = [
  { name: "shop (storefront)", route: "/shop/[dojo]/page" },
  { name: "shop product", route: "/shop/[dojo]/products/[id]/page" },
  { name: "shop checkout", route: "/shop/[dojo]/checkout/page" },
  { name: "card link", route: "/card/[token]/page" },
  { name: "members area: pay an invoice", route: "/portal/(member)/invoices/[id]/page" },
];

export interface BuildManifest {
  rootMainFiles: string[];
  polyfillFiles: string[];
  chunkLoadingGlobal?: string;
}

export const buildManifest = (): BuildManifest => JSON.parse(readFileSync(path.join(NEXT_DIR, "build-manifest.json"), "utf8")) as BuildManifest;

export const buildId = () => readFileSync(path.join(NEXT_DIR, "BUILD_ID"), "utf8").trim();

const gzipSizes = new Map<string, number>();
/** Gzip bytes of a file of the build (path relative to the dist dir, e.g. `static/chunks/x.js`). */
export function gzipBytes(file: string): number {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(NEXT_DIR, file))).length;
    gzipSizes.set(file, size);
  }
  return size;
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

/** The chunks the page's own layouts and page need at first load, from its client-reference manifest. */
export function entryChunks(route: string): string[] {
  const manifestFile = path.join(NEXT_DIR, "server", "app", `${route}_client-reference-manifest.js`);
  const context: { globalThis: Record<string, unknown>; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = { globalThis: {} };
  context.globalThis = context as unknown as Record<string, unknown>;
  runInNewContext(readFileSync(manifestFile, "utf8"), context);
  const manifest = context.__RSC_MANIFEST?.[route];
  if (!manifest) throw new Error(`No client-reference manifest for ${route}`);
  // webpack's manifests have no per-page entry list (its client modules are shared by every page).
  if (!manifest.entryJSFiles) throw new Error(`${route}: no entryJSFiles in the client-reference manifest; is this a Turbopack build?`);
  return Object.values(manifest.entryJSFiles).flat();
}

/** Every file a modern browser downloads for the page at first load (root chunks first). */
export function firstLoadFiles(route: string, manifest = buildManifest()): string[] {
  return [...new Set([...manifest.rootMainFiles, ...entryChunks(route)])];
}
