// First-load JavaScript of the public pages a member or a shop customer opens (gzip), read from
// the production build's manifests: the root main chunks every page loads plus the chunks of the
// page's own layouts and page (`entryJSFiles` of its client-reference manifest). Chunks loaded
// later by dynamic import are not first-load and are not counted. Stripe.js is fetched by the
// browser from Stripe itself when a card form opens; it is named, never counted.
// Run after `npm run build`: npm run bench:js
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { machine, printTable } from "./support";

const NEXT = path.join(process.cwd(), ".next");
const GOAL_KB = 130;
// The framework's root chunks (React DOM, Next's app router, Turbopack's runtime) are 132 kB before
// a line of ours, above the 130 kB goal: what a page adds on top is the figure our code decides,
// held to 30 kB (docs/benchmarks.md, 2026-12-02).
const OWN_GOAL_KB = 30;

// The pages of issue 18: the shop, the card link and the members area's invoice payment.
const PAGES: Array<{ name: string; route: string }> = [
  { name: "shop (storefront)", route: "/shop/[dojo]/page" },
  { name: "shop product", route: "/shop/[dojo]/products/[id]/page" },
  { name: "shop checkout", route: "/shop/[dojo]/checkout/page" },
  { name: "card link", route: "/card/[token]/page" },
  { name: "members area: pay an invoice", route: "/portal/(member)/invoices/[id]/page" },
];

const gzipSizes = new Map<string, number>();
function gzipBytes(file: string): number {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(NEXT, file))).length;
    gzipSizes.set(file, size);
  }
  return size;
}

/** The chunks the page's own layouts and page need at first load, from its client-reference manifest. */
function entryChunks(route: string): string[] {
  const manifestFile = path.join(NEXT, "server", "app", `${route}_client-reference-manifest.js`);
  const context: { globalThis: Record<string, unknown>; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = { globalThis: {} };
  context.globalThis = context as unknown as Record<string, unknown>;
  runInNewContext(readFileSync(manifestFile, "utf8"), context);
  const manifest = context.__RSC_MANIFEST?.[route];
  if (!manifest) throw new Error(`No client-reference manifest for ${route}`);
  return Object.values(manifest.entryJSFiles).flat();
}

/** Where a chunk makes the browser fetch Stripe.js (loadStripe of @stripe/stripe-js). */
const loadsStripeJs = (file: string) => readFileSync(path.join(NEXT, file), "utf8").includes("js.stripe.com");

const buildId = () => readFileSync(path.join(NEXT, "BUILD_ID"), "utf8").trim();

function main() {
  if (!existsSync(path.join(NEXT, "build-manifest.json"))) throw new Error("No production build: run `npm run build` first.");
  const buildManifest = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const rootBytes = buildManifest.rootMainFiles.reduce((n, f) => n + gzipBytes(f), 0);
  const rows = PAGES.map(({ name, route }) => {
    const files = [...new Set([...buildManifest.rootMainFiles, ...entryChunks(route)])];
    const total = files.reduce((n, f) => n + gzipBytes(f), 0);
    const kb = total / 1000;
    const ownKb = (total - rootBytes) / 1000;
    return {
      page: name,
      "first-load JS (gzip)": `${kb.toFixed(1)} kB`,
      goal: `≤ ${GOAL_KB} kB ${kb <= GOAL_KB ? "met" : "NOT met"}`,
      "framework (root main chunks)": `${(rootBytes / 1000).toFixed(1)} kB`,
      "page's own": `${ownKb.toFixed(1)} kB`,
      "own goal": `≤ ${OWN_GOAL_KB} kB ${ownKb <= OWN_GOAL_KB ? "met" : "NOT met"}`,
      chunks: files.length,
      "Stripe.js (excluded)": files.some(loadsStripeJs) ? "loaded from js.stripe.com when the card form opens" : "not loaded at first load",
    };
  });
  console.log(`\nMachine: ${machine()} · ${new Date().toISOString()} · build ${buildId()}`);
  console.log(`Framework root chunks: ${(rootBytes / 1000).toFixed(1)} kB, every page; each page's own JavaScript is held to ≤ ${OWN_GOAL_KB} kB above them.`);
  printTable("First-load JavaScript of the public pages (production build, gzip; Stripe.js excluded)", rows);
}

main();
