// Which files a public page makes the browser download at first load, read from the production
// build's manifests (Turbopack): the root main chunks every page loads plus the chunks of the
// page's own layouts and page (`entryJSFiles` of its client-reference manifest). Chunks loaded
// later by dynamic import are not first-load; the polyfill chunk (`polyfillFiles`) is a
// `<script noModule>` that modern browsers skip. e2e/first-load-js.spec.ts checks this list
// against what a browser fetches. Shared by bench/first-load-js.ts and that spec.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

// BENCH_NEXT_DIR measures another build (e.g. a webpack build kept in .next-webpack) beside the current one.
export const NEXT_DIR = path.resolve(process.env.BENCH_NEXT_DIR ?? ".next");

/** The pages of issue 18: the shop, the card link and the members area's invoice payment. */
/** `cardForm`: the page opens Stripe's embedded card form (Stripe.js and its loader come then, not at first load). */
export const PUBLIC_PAGES: Array<{ name: string; route: string; cardForm: boolean }> = [
  { name: "shop (storefront)", route: "/shop/[dojo]/page", cardForm: false },
  { name: "shop product", route: "/shop/[dojo]/products/[id]/page", cardForm: false },
  // A card payment goes on to Stripe's hosted Checkout page.
  { name: "shop checkout", route: "/shop/[dojo]/checkout/page", cardForm: false },
  { name: "card link", route: "/card/[token]/page", cardForm: true },
  { name: "members area: pay an invoice", route: "/portal/(member)/invoices/[id]/page", cardForm: true },
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
  clientModules: Record<string, { id: string | number; chunks: string[] }>;
}

function clientReferenceManifest(route: string): ClientReferenceManifest {
  const manifestFile = path.join(NEXT_DIR, "server", "app", `${route}_client-reference-manifest.js`);
  const context: { globalThis: Record<string, unknown>; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = { globalThis: {} };
  context.globalThis = context as unknown as Record<string, unknown>;
  runInNewContext(readFileSync(manifestFile, "utf8"), context);
  const manifest = context.__RSC_MANIFEST?.[route];
  if (!manifest) throw new Error(`No client-reference manifest for ${route}`);
  return manifest;
}

/** The chunks the page's own layouts and page need at first load, from its client-reference manifest. */
export function entryChunks(route: string): string[] {
  const manifest = clientReferenceManifest(route);
  // webpack's manifests have no per-page entry list (its client modules are shared by every page).
  if (!manifest.entryJSFiles) throw new Error(`${route}: no entryJSFiles in the client-reference manifest; is this a Turbopack build?`);
  return Object.values(manifest.entryJSFiles).flat();
}

/** Every file a modern browser downloads for the page at first load (root chunks first). */
export function firstLoadFiles(route: string, manifest = buildManifest()): string[] {
  return [...new Set([...manifest.rootMainFiles, ...entryChunks(route)])];
}

/** A client module's short name: our file's path, or the package a node_modules file belongs to. */
function moduleName(id: string): string {
  const file = id.replace(/^\[project\]\//, "").replace(/ <.*$/, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return pkg ? pkg[1] : file;
}

/** The module ids a Turbopack chunk defines (it pushes `[script, id, factory, id, factory, …]`). */
function modulesDefinedIn(file: string): Set<number> {
  const context: { globalThis?: unknown; TURBOPACK: unknown[][] } = { TURBOPACK: [] };
  context.globalThis = context;
  runInNewContext(readFileSync(path.join(NEXT_DIR, file), "utf8"), context);
  const ids = new Set<number>();
  for (const push of context.TURBOPACK) for (let i = 1; i < push.length - 1; i++) if (typeof push[i] === "number" && typeof push[i + 1] === "function") ids.add(push[i] as number);
  return ids;
}

// Packages whose code a production chunk gives no name to, recognised by a string of theirs.
const SIGNATURES: Array<[string, string]> = [
  ["tailwind-merge", "classGroupId"],
  ["next-intl (use-intl)", "MISSING_MESSAGE"],
  ["intl-messageformat", "IntlMessageFormat"],
  ["@stripe/stripe-js", "js.stripe.com"],
  ["next/link", "useLinkStatus"],
  ["next/image", "getImgProps"],
  ["radix-ui", "radix"],
  ["zod", "ZodError"],
];

/**
 * What a chunk of the page holds: the client components it defines (by the module ids of the
 * page's client-reference manifest) and the packages recognised in it (SIGNATURES), e.g.
 * tailwind-merge under `cn()`.
 */
export function chunkContents(route: string, file: string): string[] {
  const defined = modulesDefinedIn(file);
  const components = Object.entries(clientReferenceManifest(route).clientModules)
    .filter(([, m]) => defined.has(Number((m as { id?: unknown }).id)))
    .map(([id]) => moduleName(id))
    .filter((name) => !name.startsWith("next"));
  const text = readFileSync(path.join(NEXT_DIR, file), "utf8");
  const packages = SIGNATURES.filter(([, signature]) => text.includes(signature)).map(([name]) => name);
  return [...new Set([...components, ...packages])].sort();
}

/** The chunks that fetch Stripe.js (Stripe's loader, @stripe/stripe-js): loaded when a card form opens, never at first load. */
export function stripeLoaderChunks(): string[] {
  const dir = path.join(NEXT_DIR, "static", "chunks");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".js") && readFileSync(path.join(dir, f), "utf8").includes("js.stripe.com"))
    .map((f) => `static/chunks/${f}`);
}
