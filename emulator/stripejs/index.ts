import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendHtml, sendJson } from "../http";
import { emulatorConfig } from "../stripe/config";
import { handleAuthenticate } from "./authenticate";
import { createDemoCheckout, renderAuthenticateDemo, renderCompletePage, renderDemoPage } from "./demo-page";

const scriptPath = fileURLToPath(new URL("./stripe-v3.js", import.meta.url));
const requireFromHere = createRequire(import.meta.url);

let cachedScript: string | null = null;
let cachedStripeJsModule: string | null = null;

function sendScript(res: ServerResponse, source: string): void {
  res.writeHead(200, {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": "no-store",
    // The app's pages load it cross-origin, possibly with crossorigin="anonymous".
    "access-control-allow-origin": "*",
  });
  res.end(source);
}

/** The ESM build of the installed @stripe/stripe-js, so the demo page runs the real loadStripe. */
function stripeJsModule(): string {
  cachedStripeJsModule ??= readFileSync(path.join(path.dirname(requireFromHere.resolve("@stripe/stripe-js/package.json")), "dist/index.mjs"), "utf8");
  return cachedStripeJsModule;
}

/** `/v3` (the Stripe.js stand-in and its authentication frame) and `/_demo/*` (host pages). */
export async function handleStripeJs(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname;
  if (await handleAuthenticate(req, res, url)) return true;
  if (path === "/v3" || path === "/v3/") {
    cachedScript ??= readFileSync(scriptPath, "utf8");
    sendScript(res, cachedScript.replace("__EMULATOR_PUBLIC_ORIGIN__", JSON.stringify(new URL(emulatorConfig.publicUrl).origin)));
    return true;
  }
  if (path === "/_demo/stripe-js.mjs") {
    sendScript(res, stripeJsModule());
    return true;
  }
  if (path === "/_demo/embedded") {
    const redirect = url.searchParams.get("redirect") === "1";
    const clientSecret = url.searchParams.get("client_secret");
    const pk = url.searchParams.get("pk");
    if (clientSecret && pk) {
      const sessionId = clientSecret.slice(0, Math.max(0, clientSecret.indexOf("_secret_")));
      sendHtml(res, 200, renderDemoPage({ publishableKey: pk, clientSecret, sessionId }, { redirect }));
      return true;
    }
    // Without a session, make one on the given (or a demo) account.
    const secretKey = url.searchParams.get("key") ?? "sk_test_demo";
    const amount = Number(url.searchParams.get("amount") ?? 2500);
    const currency = url.searchParams.get("currency") ?? "eur";
    if (!/^sk_test_\w+$/.test(secretKey) || !Number.isInteger(amount) || amount <= 0) {
      sendJson(res, 400, { error: "Use ?key=sk_test_…&amount=<minor units>&currency=eur, or ?pk=pk_test_…&client_secret=cs_…" });
      return true;
    }
    const checkout = await createDemoCheckout({
      secretKey,
      amount,
      currency,
      returnUrl: `${emulatorConfig.publicUrl}/_demo/complete?session_id={CHECKOUT_SESSION_ID}`,
    });
    sendHtml(res, 200, renderDemoPage(checkout, { redirect }));
    return true;
  }
  if (path === "/_demo/authenticate") {
    const pk = url.searchParams.get("pk");
    const clientSecret = url.searchParams.get("client_secret");
    if (!pk || !clientSecret) {
      sendJson(res, 400, { error: "Use ?pk=pk_test_…&client_secret=pi_…_secret_…" });
      return true;
    }
    sendHtml(res, 200, renderAuthenticateDemo(pk, clientSecret));
    return true;
  }
  if (path === "/_demo/complete") {
    sendHtml(res, 200, renderCompletePage(url.searchParams.get("session_id") ?? ""));
    return true;
  }
  return false;
}
