import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import { escapeHtml, readFormPost, redirect, sendHtml } from "../../http";
import { accountOwning } from "../accounts";
import { completeAuthentication, intentReturnUrl, isAwaitingAuthentication } from "../charging";
import { formatAmount } from "../currency";
import { page, resizeScript } from "./layout";

/**
 * The 3-D Secure challenge for a PaymentIntent or SetupIntent in requires_action, like Stripe's
 * test authentication page: "Complete" authenticates, "Fail" refuses. Afterwards the browser
 * returns to the intent's return_url with `payment_intent` / `setup_intent`, its client secret and
 * `redirect_status`, as Stripe does.
 */
type Intent = Stripe.PaymentIntent | Stripe.SetupIntent;

const BRAND_NAMES: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express" };

function returnTarget(intent: Intent, returnUrl: string): string {
  const url = new URL(returnUrl);
  const kind = intent.object === "payment_intent" ? "payment_intent" : "setup_intent";
  url.searchParams.set(kind, intent.id);
  if (intent.client_secret) url.searchParams.set(`${kind}_client_secret`, intent.client_secret);
  url.searchParams.set("redirect_status", intent.status === "succeeded" ? "succeeded" : "failed");
  return url.toString();
}

function describe(account: { displayName: string }, intent: Intent, pm: Stripe.PaymentMethod | undefined): string {
  const card = pm?.card ? `${escapeHtml(BRAND_NAMES[pm.card.brand] ?? pm.card.brand)} card ending in ${escapeHtml(pm.card.last4)}` : null;
  const what =
    intent.object === "payment_intent"
      ? `a payment of <strong>${escapeHtml(formatAmount(intent.amount, intent.currency))}</strong>${card ? ` with the ${card}` : ""}`
      : `saving your ${card ?? "card"} for later payments`;
  return `${escapeHtml(account.displayName)} asks you to confirm ${what}.`;
}

function resultPage(intent: Intent, embedded: boolean): string {
  const ok = intent.status === "succeeded";
  const message = { type: "tatami-emulator:intent-result", intentId: intent.id, status: intent.status };
  return page({
    title: ok ? "Authentication complete" : "Authentication failed",
    embedded,
    body: `<main class="single"><section class="card"><h1>${ok ? "Authentication complete" : "Authentication failed"}</h1><p class="note">You can close this window.</p></section></main>`,
    script: `if (window.parent !== window) window.parent.postMessage(${JSON.stringify(message)}, "*");`,
  });
}

export async function handleThreeDSecurePage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const m = /^\/3ds\/([^/]+)$/.exec(url.pathname);
  if (!m) return false;
  const id = decodeURIComponent(m[1]);
  const embedded = url.searchParams.get("embedded") === "1";
  const account = accountOwning(id);
  const intent = account?.get<Intent>(id);
  if (!account || !intent || (intent.object !== "payment_intent" && intent.object !== "setup_intent")) {
    sendHtml(res, 404, page({ title: "Not found", body: `<main class="single"><section class="card"><h1>No such authentication</h1></section></main>` }));
    return true;
  }
  const returnUrl = intentReturnUrl(account, id);
  if (req.method === "POST") {
    const form = await readFormPost(req);
    if (isAwaitingAuthentication(account, id)) completeAuthentication(account, id, form.get("outcome") === "complete");
    if (returnUrl) redirect(res, returnTarget(intent, returnUrl));
    else sendHtml(res, 200, resultPage(intent, embedded));
    return true;
  }
  if (!isAwaitingAuthentication(account, id)) {
    const link = returnUrl ? `<p><a href="${escapeHtml(returnTarget(intent, returnUrl))}">Continue</a></p>` : "";
    sendHtml(res, 200, page({ title: "Nothing to authenticate", embedded, body: `<main class="single"><section class="card"><h1>This authentication is no longer pending</h1>${link}</section></main>` }));
    return true;
  }
  const pmId = typeof intent.payment_method === "string" ? intent.payment_method : intent.payment_method?.id;
  const pm = pmId ? account.get<Stripe.PaymentMethod>(pmId, "payment_method") : undefined;
  const action = `/3ds/${encodeURIComponent(id)}${embedded ? "?embedded=1" : ""}`;
  sendHtml(
    res,
    200,
    page({
      title: "3D Secure authentication",
      embedded,
      body: `<main class="single"><section class="card">
  <div class="merchant">3D Secure 2 <span class="badge">Test mode</span></div>
  <h1>Confirm it's you</h1>
  <p>${describe(account, intent, pm)}</p>
  <p class="note">This is the emulator's test authentication page. Choose how your bank answers.</p>
  <form method="post" action="${escapeHtml(action)}" class="row">
    <button type="submit" name="outcome" value="fail" class="secondary">Fail</button>
    <button type="submit" name="outcome" value="complete">Complete</button>
  </form>
</section></main>`,
      // Inside an embedded Checkout the frame shrinks to the challenge.
      script: embedded ? resizeScript() : undefined,
    }),
  );
  return true;
}
