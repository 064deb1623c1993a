import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import { redirect, sendHtml } from "../http";
import { accountForKey, parseKey, type Account } from "../stripe/accounts";
import { confirmPaymentIntent, confirmSetupIntent } from "../stripe/charging";
import { emulatorConfig } from "../stripe/config";
import { idFromClientSecret } from "../stripe/ids";
import { page } from "../stripe/pages/layout";

/**
 * The page Stripe.js opens in its modal for confirmCardPayment / confirmCardSetup /
 * handleCardAction / handleNextAction (`/v3/authenticate`): it confirms the intent on-session
 * when asked to, sends the frame through the 3-D Secure page if the bank wants it, and ends on
 * `/v3/authenticate/done`, which posts `{ paymentIntent | setupIntent }` or `{ error }` to the
 * page that called Stripe.js. Card entry stays in Checkout; only saved payment methods are used.
 */
type Intent = Stripe.PaymentIntent | Stripe.SetupIntent;

export type IntentResult =
  | { paymentIntent: Record<string, unknown>; error?: undefined }
  | { setupIntent: Record<string, unknown>; error?: undefined }
  | { error: Record<string, unknown> };

// What Stripe.js may show a browser holding only the publishable key and the client secret.
const PUBLIC_FIELDS = [
  "id",
  "object",
  "amount",
  "canceled_at",
  "cancellation_reason",
  "capture_method",
  "client_secret",
  "confirmation_method",
  "created",
  "currency",
  "description",
  "last_payment_error",
  "last_setup_error",
  "livemode",
  "next_action",
  "payment_method",
  "payment_method_types",
  "setup_future_usage",
  "status",
  "usage",
] as const;

function publicView(intent: Intent): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const key of PUBLIC_FIELDS) if (key in intent) view[key] = (intent as unknown as Record<string, unknown>)[key];
  return view;
}

function intentError(type: string, message: string, code?: string): IntentResult {
  return { error: { type, code, message } };
}

/** Stripe.js's answer for an intent: the intent, or its last error with the intent inside. */
export function resultFor(intent: Intent): IntentResult {
  const view = publicView(intent);
  const key = intent.object === "payment_intent" ? "paymentIntent" : "setupIntent";
  const lastError = intent.object === "payment_intent" ? intent.last_payment_error : intent.last_setup_error;
  if (intent.status === "requires_payment_method" && lastError) {
    return { error: { ...lastError, [intent.object]: view } };
  }
  return key === "paymentIntent" ? { paymentIntent: view } : { setupIntent: view };
}

function lookup(url: URL): { account: Account; intent: Intent; clientSecret: string } | IntentResult {
  const key = url.searchParams.get("key") ?? "";
  const clientSecret = url.searchParams.get("client_secret") ?? "";
  const account = parseKey(key)?.kind === "publishable" ? accountForKey(key) : null;
  if (!account) return intentError("invalid_request_error", `Invalid API Key provided: ${key}`);
  const id = idFromClientSecret(clientSecret);
  const intent = id ? account.get<Intent>(id) : undefined;
  if (!intent || (intent.object !== "payment_intent" && intent.object !== "setup_intent") || intent.client_secret !== clientSecret) {
    return intentError("invalid_request_error", `No such payment_intent: '${id ?? clientSecret}'`, "resource_missing");
  }
  return { account, intent, clientSecret };
}

function resultPage(intentId: string | null, result: IntentResult): string {
  const message = JSON.stringify({ type: "tatami-emulator:intent-result", intentId, result }).replace(/</g, "\\u003c");
  const ok = !("error" in result && result.error);
  return page({
    title: ok ? "Authentication complete" : "Payment not completed",
    body: `<main class="single"><section class="card"><h1>${ok ? "Done" : "Payment not completed"}</h1><p class="note">Returning to the shop…</p></section></main>`,
    script: `if (window.parent !== window) window.parent.postMessage(${message}, "*");`,
  });
}

function doneUrl(url: URL): string {
  const done = new URL("/v3/authenticate/done", emulatorConfig.publicUrl);
  done.searchParams.set("key", url.searchParams.get("key") ?? "");
  done.searchParams.set("client_secret", url.searchParams.get("client_secret") ?? "");
  return done.toString();
}

const CONFIRMABLE = ["requires_payment_method", "requires_confirmation", "requires_action"];

function start(res: ServerResponse, url: URL): void {
  const found = lookup(url);
  if (!("account" in found)) {
    sendHtml(res, 200, resultPage(idFromClientSecret(url.searchParams.get("client_secret") ?? ""), found));
    return;
  }
  const { account, intent } = found;
  const paymentMethod = url.searchParams.get("payment_method");
  if (CONFIRMABLE.includes(intent.status) && (paymentMethod || intent.payment_method)) {
    if (paymentMethod) {
      const pm = account.get<Stripe.PaymentMethod>(paymentMethod, "payment_method");
      if (!pm) {
        sendHtml(res, 200, resultPage(intent.id, intentError("invalid_request_error", `No such PaymentMethod: '${paymentMethod}'`, "resource_missing")));
        return;
      }
      intent.payment_method = pm.id;
    }
    // On-session with a return URL: a card needing 3-D Secure answers with a redirect to the challenge.
    try {
      if (intent.object === "payment_intent") confirmPaymentIntent(account, intent, { offSession: false, returnUrl: doneUrl(url) });
      else confirmSetupIntent(account, intent, { returnUrl: doneUrl(url) });
    } catch (err) {
      const body = (err as { body?: { type: string; message: string; code?: string } }).body;
      if (!body) throw err;
      sendHtml(res, 200, resultPage(intent.id, { error: { ...body } }));
      return;
    }
  }
  const challenge = intent.next_action?.redirect_to_url?.url;
  if (intent.status === "requires_action" && challenge) redirect(res, challenge);
  else sendHtml(res, 200, resultPage(intent.id, resultFor(intent)));
}

export async function handleAuthenticate(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname === "/v3/authenticate") {
    start(res, url);
    return true;
  }
  if (url.pathname === "/v3/authenticate/done") {
    const found = lookup(url);
    sendHtml(res, 200, "account" in found ? resultPage(found.intent.id, resultFor(found.intent)) : resultPage(null, found));
    return true;
  }
  return false;
}
