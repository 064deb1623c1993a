import { expect, test, type Browser, type BrowserContextOptions } from "@playwright/test";
import { PUBLIC_PAGES, buildManifest, firstLoadFiles, gzipBytes } from "../bench/first-load-chunks";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { memberLogIn } from "./support/member";
import { cardLinkOf, ensureStripeConnected, issueInvoice, logIn, memberIdOf, memberUid, payAtDesk } from "./support/staff";

// `npm run bench:js` counts a public page's first-load JavaScript from the build's manifests. This
// opens each page in a fresh browser (empty cache) and checks that list is exactly what the
// browser fetches of our origin's JavaScript up to the load event: nothing it fetches missing from
// the bench, nothing counted that it skips (the noModule polyfill chunk). Scripts from elsewhere
// (Stripe.js) are printed, never counted. Sizes are printed, never asserted.
const SHOP = "/shop/demo-dojo";

interface Visit {
  /** Our JavaScript fetched up to the load event, as build paths (`static/chunks/…`). */
  firstLoad: string[];
  /** Our JavaScript fetched after the load event until the network is idle (prefetches, lazy chunks). */
  later: string[];
  /** Scripts of other origins (Stripe.js). */
  foreign: string[];
  /** Errors the page logged (a hydration mismatch, a message that failed to format). */
  errors: string[];
}

async function visit(browser: Browser, url: string, state?: BrowserContextOptions["storageState"]): Promise<Visit> {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const seen: Visit = { firstLoad: [], later: [], foreign: [], errors: [] };
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(message.text());
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  let loaded = false;
  page.on("request", (request) => {
    if (request.resourceType() !== "script") return;
    const u = new URL(request.url());
    if (u.origin !== origin) seen.foreign.push(u.href);
    else if (u.pathname.startsWith("/_next/")) (loaded ? seen.later : seen.firstLoad).push(decodeURIComponent(u.pathname.slice("/_next/".length)));
  });
  page.on("load", () => {
    loaded = true;
  });
  const response = await page.goto(url, { waitUntil: "load" });
  expect(response?.status()).toBe(200);
  await page.waitForLoadState("networkidle");
  await context.close();
  return seen;
}

const kb = (files: string[]) => `${(files.reduce((n, f) => n + gzipBytes(f), 0) / 1000).toFixed(1)} kB`;

test("the bench counts what a browser downloads at first load on every public page", async ({ browser, page }) => {
  // Staff: the card link and an open invoice for the demo member.
  await logIn(page, E2E.owner);
  await ensureStripeConnected(page, E2E_STRIPE_KEY);
  const uid = memberUid();
  const cardLink = await cardLinkOf(page, await memberIdOf(page, uid));
  const invoice = await issueInvoice(page, uid, "First-load JavaScript", "12.00");

  // A shop visitor with a product in the cart; a member logged in to the members area.
  const shopper = await browser.newContext();
  const shopPage = await shopper.newPage();
  await shopPage.goto(SHOP);
  const productUrl = await shopPage.getByRole("link", { name: "Mouth guard" }).first().getAttribute("href");
  await shopPage.goto(productUrl!);
  await shopPage.getByRole("button", { name: "Add to cart" }).click();
  await expect(shopPage.getByText("Added to your cart.")).toBeVisible();
  const cartState = await shopper.storageState();
  await shopper.close();
  const memberContext = await browser.newContext();
  await memberLogIn(await memberContext.newPage(), { uid, password: E2E.memberPassword });
  const memberState = await memberContext.storageState();
  await memberContext.close();

  const urls: Record<string, { url: string; state?: BrowserContextOptions["storageState"] }> = {
    "/shop/[dojo]/page": { url: SHOP },
    "/shop/[dojo]/products/[id]/page": { url: productUrl! },
    "/shop/[dojo]/checkout/page": { url: `${SHOP}/checkout`, state: cartState },
    "/card/[token]/page": { url: new URL(cardLink).pathname },
    "/portal/(member)/invoices/[id]/page": { url: new URL(invoice.url).pathname.replace(/^\/invoices\//, "/portal/invoices/"), state: memberState },
  };
  const manifest = buildManifest();
  const seen: Array<{ route: string; visit: Visit }> = [];
  for (const { name, route } of PUBLIC_PAGES) {
    const v = await visit(browser, urls[route].url, urls[route].state);
    seen.push({ route, visit: v });
    console.log(
      `${name}: browser fetched ${v.firstLoad.length} files, ${kb(v.firstLoad)} gzip, by the load event;` +
        ` after it ${v.later.length ? `${v.later.join(", ")} (${kb(v.later)})` : "nothing"}; other origins: ${v.foreign.join(", ") || "none"};` +
        ` noModule polyfills fetched: ${v.firstLoad.filter((f) => manifest.polyfillFiles.includes(f)).length}`,
    );
  }
  // The journeys after this one find the member's invoices paid, as the other journeys leave them.
  await page.goto(invoice.url);
  await payAtDesk(page, "4242 4242 4242 4242", "€12.00");

  for (const { route, visit: v } of seen) {
    expect(new Set(v.firstLoad), route).toEqual(new Set(firstLoadFiles(route, manifest)));
    expect(v.errors, `${route}: errors in the browser`).toEqual([]);
  }
});
