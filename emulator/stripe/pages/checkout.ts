import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import { escapeHtml, readFormPost, redirect, sendHtml } from "../../http";
import { accountOwning, type Account } from "../accounts";
import { cardForNumber } from "../cards";
import { formatAmount } from "../currency";
import { billingNow, formatDay } from "../billing/time";
import { nowSeconds } from "../ids";
import { completeCheckout, completionUrl, refreshExpiry, sessionInternals, type CardEntry, type CheckoutAttempt } from "../resources/checkout-sessions";
import { answerBankRedirect, awaitsBank, ibanProblem, isBankMethod, startBankPayment, startBankSetup, type BankEntry } from "../bank-methods";
import { MESSAGE_PREFIX, page, resizeScript } from "./layout";

/**
 * The hosted (and, with `?embedded=1`, the embedded) Checkout page: `GET /c/pay/:id` shows the
 * order and a card form; the form posts back to the same URL. It works as a plain form post; the
 * inline script only formats input and tells an embedding Stripe.js its height.
 */
const AUTH_FAILED = "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

export interface FormState {
  email?: string;
  name?: string;
  error?: string;
  fieldErrors?: Partial<Record<"email" | "card_number" | "expiry" | "cvc" | "iban", string>>;
  method?: string;
}

function findSession(id: string): { account: Account; session: Stripe.Checkout.Session } | null {
  const account = accountOwning(id);
  const session = account?.get<Stripe.Checkout.Session>(id, "checkout.session");
  return account && session ? { account, session: refreshExpiry(account, session) } : null;
}

function summary(account: Account, session: Stripe.Checkout.Session): string {
  const items = sessionInternals(account, session.id).lineItems ?? [];
  const currency = session.currency ?? "usd";
  const trial = trialOf(account, session);
  const interval = items.find((i) => i.price?.recurring)?.price?.recurring?.interval ?? "period";
  const heading =
    session.mode === "setup"
      ? `<h1>${session.payment_method_types.length > 1 ? "Save a payment method" : "Save a card"} for future payments</h1><p class="note">You will not be charged now.</p>`
      : trial
        ? `<div class="total" data-testid="checkout-total">${trial.days} days free</div><p class="note" data-testid="checkout-trial">Then ${escapeHtml(formatAmount(session.amount_total ?? 0, currency))} per ${escapeHtml(interval)} starting ${escapeHtml(formatDay(trial.end))}</p>`
        : `<div class="total" data-testid="checkout-total">${escapeHtml(formatAmount(session.amount_total ?? 0, currency))}${session.mode === "subscription" ? ` <span class="note">per ${escapeHtml(items.find((i) => i.price?.recurring)?.price?.recurring?.interval ?? "period")}</span>` : ""}</div>`;
  const lines = items
    .map(
      (li) =>
        `<li><span>${escapeHtml(li.description ?? "Item")}${(li.quantity ?? 1) > 1 ? ` <span class="qty">× ${li.quantity}</span>` : ""}</span><span>${escapeHtml(formatAmount(li.amount_total, li.currency))}</span></li>`,
    )
    .join("");
  return `<section>
  <div class="merchant">${escapeHtml(account.displayName)} <span class="badge">Test mode</span></div>
  ${heading}
  ${lines ? `<ul class="items">${lines}</ul>` : ""}
</section>`;
}

/** A subscription with a free trial: Checkout says how long it is free and when the first charge comes. */
function trialOf(account: Account, session: Stripe.Checkout.Session): { days: number; end: number } | null {
  if (session.mode !== "subscription") return null;
  const { trialEnd, trialPeriodDays } = sessionInternals(account, session.id).subscriptionData ?? {};
  const now = session.customer ? billingNow(account, session.customer as string) : nowSeconds();
  const end = trialEnd ?? (trialPeriodDays ? now + trialPeriodDays * 86_400 : null);
  return end ? { days: Math.max(1, Math.round((end - now) / 86_400)), end } : null;
}

export function field(name: string, label: string, attrs: string, state: FormState): string {
  const error = state.fieldErrors?.[name as keyof NonNullable<FormState["fieldErrors"]>];
  return `<label>${escapeHtml(label)}<input name="${name}" ${attrs}${error ? ` aria-invalid="true" aria-describedby="${name}-error"` : ""}>${error ? `<span class="error" id="${name}-error" role="alert">${escapeHtml(error)}</span>` : ""}</label>`;
}

function renderForm(account: Account, session: Stripe.Checkout.Session, embedded: boolean, state: FormState = {}): string {
  const action = `/c/pay/${encodeURIComponent(session.id)}${embedded ? "?embedded=1" : ""}`;
  const needsEmail = !session.customer;
  const email = state.email ?? session.customer_email ?? "";
  const button = session.mode === "setup" ? (session.payment_method_types.length > 1 ? "Save" : "Save card") : session.mode === "subscription" ? (trialOf(account, session) ? "Start trial" : "Subscribe") : "Pay";
  const body = `<main>
${summary(account, session)}
<section class="card">
  <form method="post" action="${escapeHtml(action)}" novalidate>
    ${state.error ? `<div class="error" role="alert" data-testid="checkout-error">${escapeHtml(state.error)}</div>` : ""}
    ${needsEmail ? field("email", "Email", `type="email" autocomplete="email" value="${escapeHtml(email)}" ${session.customer_email ? "readonly" : ""} required`, state) : ""}
    ${methodChoice(session, state)}
    ${field("card_number", "Card number", `inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required`, state)}
    <div class="row">
      ${field("expiry", "Expiry (MM / YY)", `inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY" required`, state)}
      ${field("cvc", "CVC", `inputmode="numeric" autocomplete="cc-csc" placeholder="123" required`, state)}
    </div>
    ${field("name", "Cardholder name", `autocomplete="cc-name" value="${escapeHtml(state.name ?? "")}"`, state)}
    <button type="submit">${button}</button>
    ${session.cancel_url && !embedded ? `<a class="note" href="${escapeHtml(session.cancel_url.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id))}">← Back</a>` : ""}
    <p class="note">Emulated Stripe Checkout: use test cards such as 4242 4242 4242 4242 with any future date and any CVC.</p>
  </form>
</section>
</main>`;
  return page({ title: `Checkout – ${account.displayName}`, body, embedded, script: formScript() });
}

const METHOD_LABELS: Record<string, string> = { card: "Card", sepa_debit: "SEPA Direct Debit", ideal: "iDEAL", bancontact: "Bancontact" };

/**
 * The methods the session allows besides cards (payment mode): a radio per method and, for SEPA,
 * the IBAN. The card fields stay for the card; a bank method ignores them.
 */
function methodChoice(session: Stripe.Checkout.Session, state: FormState): string {
  const types = session.mode === "subscription" ? ["card"] : session.payment_method_types;
  if (types.length <= 1) return "";
  const chosen = state.method && types.includes(state.method) ? state.method : "card";
  const radios = types
    .map((t) => `<label class="row"><input type="radio" name="payment_method_type" value="${escapeHtml(t)}" ${t === chosen ? "checked" : ""}> ${escapeHtml(METHOD_LABELS[t] ?? t)}</label>`)
    .join("");
  const iban = types.includes("sepa_debit")
    ? field("iban", "IBAN (SEPA Direct Debit)", `autocomplete="off" placeholder="DE89 3704 0044 0532 0130 00"`, state) +
      `<p class="note">By providing your IBAN you authorise ${escapeHtml("the merchant")} and Stripe to debit your account (SEPA mandate).</p>`
    : "";
  return `<fieldset data-testid="payment-methods"><legend>Payment method</legend>${radios}</fieldset>${iban}`;
}

export function formScript(): string {
  return `(function () {
  var form = document.querySelector("form");
  var number = document.querySelector("input[name=card_number]");
  var expiry = document.querySelector("input[name=expiry]");
  if (number) number.addEventListener("input", function () {
    var digits = number.value.replace(/\\D/g, "").slice(0, 19);
    number.value = digits.replace(/(\\d{4})(?=\\d)/g, "$1 ");
  });
  if (expiry) expiry.addEventListener("input", function (e) {
    var digits = expiry.value.replace(/\\D/g, "").slice(0, 4);
    expiry.value = digits.length > 2 || (digits.length === 2 && e.inputType !== "deleteContentBackward") ? digits.slice(0, 2) + " / " + digits.slice(2) : digits;
  });
  if (form) form.addEventListener("submit", function () {
    var button = form.querySelector("button[type=submit]");
    if (button) { button.disabled = true; button.textContent = "Processing…"; }
  });
  ${resizeScript()}
})();`;
}

function renderMessage(title: string, text: string, embedded: boolean, link?: { href: string; label: string }): string {
  return page({
    title,
    embedded,
    body: `<main class="single"><section class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : ""}</section></main>`,
    script: resizeScript(),
  });
}

/** Embedded sessions end on this page: it tells the embedding Stripe.js, which calls onComplete or redirects. */
function renderEmbeddedComplete(session: Stripe.Checkout.Session): string {
  const returnUrl = completionUrl(session);
  const message = { type: `${MESSAGE_PREFIX}checkout-complete`, sessionId: session.id, returnUrl };
  return page({
    title: "Payment complete",
    embedded: true,
    body: `<main class="single"><section class="card" data-testid="checkout-complete"><h1>${session.mode === "setup" ? (session.payment_method_types.length > 1 ? "Saved" : "Card saved") : "Payment successful"}</h1><p class="note">Thank you.</p></section></main>`,
    script: `(function () {
  var message = ${JSON.stringify(message).replace(/</g, "\\u003c")};
  if (window.parent !== window) window.parent.postMessage(message, "*");
  else if (message.returnUrl) window.location.replace(message.returnUrl);
  ${resizeScript()}
})();`,
  });
}

function afterCompletion(res: ServerResponse, session: Stripe.Checkout.Session, embedded: boolean): void {
  if (embedded) {
    redirect(res, `/c/pay/${encodeURIComponent(session.id)}/complete?embedded=1`);
    return;
  }
  const target = completionUrl(session);
  if (target) redirect(res, target);
  else sendHtml(res, 200, renderMessage("Payment complete", "Thank you. You can close this page.", false));
}

/** Reads and checks the card form (also used by the hosted invoice page, stripe/billing/pages). */
export function parseEntry(form: URLSearchParams, session: Pick<Stripe.Checkout.Session, "customer" | "customer_email">): { entry?: CardEntry; state: FormState } {
  const state: FormState = { email: form.get("email") ?? undefined, name: form.get("name") ?? undefined, fieldErrors: {} };
  const errors = state.fieldErrors!;
  const email = (form.get("email") ?? "").trim();
  if (!session.customer && !session.customer_email) {
    if (!email) errors.email = "Your email address is incomplete.";
    else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errors.email = "Your email address is invalid.";
  }
  const number = (form.get("card_number") ?? "").replace(/\s/g, "");
  const card = number ? cardForNumber(number) : undefined;
  if (!number) errors.card_number = "Your card number is incomplete.";
  else if (!card) errors.card_number = "Your card number is invalid.";
  const expiry = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(form.get("expiry") ?? "");
  let expMonth = 0;
  let expYear = 0;
  if (!expiry) errors.expiry = "Your card's expiration date is incomplete.";
  else {
    expMonth = Number(expiry[1]);
    expYear = expiry[2].length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
    const now = new Date();
    if (expMonth < 1 || expMonth > 12) errors.expiry = "Your card's expiration date is invalid.";
    else if (expYear < now.getUTCFullYear() || (expYear === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1)) {
      errors.expiry = "Your card's expiration year is in the past.";
    }
  }
  const cvc = (form.get("cvc") ?? "").trim();
  if (!/^\d{3,4}$/.test(cvc)) errors.cvc = "Your card's security code is incomplete.";
  if (Object.keys(errors).length > 0 || !card) return { state };
  const name = (form.get("name") ?? "").trim();
  return { entry: { card, expMonth, expYear, name: name || null, email: email || session.customer_email || null }, state };
}

export async function handleCheckoutPage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const m = /^\/c\/pay\/([^/]+)(\/resume|\/complete)?$/.exec(url.pathname);
  if (!m) return false;
  const embedded = url.searchParams.get("embedded") === "1";
  const found = findSession(decodeURIComponent(m[1]));
  if (!found) {
    sendHtml(res, 404, renderMessage("Something went wrong", "The page you were looking for could not be found.", embedded));
    return true;
  }
  const { account, session } = found;
  const step = m[2];
  if (session.status === "complete") {
    if (step === "/complete" && embedded) sendHtml(res, 200, renderEmbeddedComplete(session));
    else if (step === "/resume") afterCompletion(res, session, embedded);
    else {
      const target = completionUrl(session);
      sendHtml(res, 200, renderMessage("Already paid", "This Checkout Session is complete.", embedded, target && !embedded ? { href: target, label: "Continue" } : undefined));
    }
    return true;
  }
  if (session.status === "expired") {
    sendHtml(res, 410, renderMessage("This Checkout Session has expired", "Return to the merchant to start again.", embedded));
    return true;
  }
  if (step === "/resume") {
    // Back from 3-D Secure without completion: show why, with the form for another attempt.
    const intentId = sessionInternals(account, session.id).intentId;
    const intent = intentId ? account.get<Stripe.PaymentIntent | Stripe.SetupIntent>(intentId) : undefined;
    const error = intent && (intent.object === "payment_intent" ? intent.last_payment_error : intent.last_setup_error);
    const message = !error ? undefined : error.code?.endsWith("authentication_failure") ? AUTH_FAILED : error.message;
    sendHtml(res, 200, renderForm(account, session, embedded, { error: message }));
    return true;
  }
  if (req.method === "POST") {
    const form = await readFormPost(req);
    const method = form.get("payment_method_type") ?? "card";
    if (method !== "card") {
      const bank = parseBankEntry(form, session, method);
      if (!bank.entry) {
        sendHtml(res, 200, renderForm(account, session, embedded, bank.state));
        return true;
      }
      const acceptance = { ipAddress: req.socket.remoteAddress ?? null, userAgent: req.headers["user-agent"] ?? null };
      const attempt = session.mode === "setup" ? startBankSetup(account, session, bank.entry, acceptance) : startBankPayment(account, session, bank.entry, { embedded });
      answerAttempt(res, account, session, embedded, bank.state, attempt);
      return true;
    }
    const { entry, state } = parseEntry(form, session);
    if (!entry) {
      sendHtml(res, 200, renderForm(account, session, embedded, state));
      return true;
    }
    answerAttempt(res, account, session, embedded, state, completeCheckout(account, session, entry, { embedded }));
    return true;
  }
  sendHtml(res, 200, renderForm(account, session, embedded));
  return true;
}

function answerAttempt(res: ServerResponse, account: Account, session: Stripe.Checkout.Session, embedded: boolean, state: FormState, attempt: CheckoutAttempt): void {
  if (attempt.status === "complete") afterCompletion(res, session, embedded);
  else if (attempt.status === "requires_action") redirect(res, `/3ds/${encodeURIComponent(attempt.intentId)}${embedded ? "?embedded=1" : ""}`);
  else if (attempt.status === "redirect") redirect(res, attempt.url);
  else sendHtml(res, 200, renderForm(account, session, embedded, { ...state, fieldErrors: {}, error: attempt.message }));
}

/** A bank method chosen on the form: the e-mail as for cards, an IBAN for SEPA. */
function parseBankEntry(form: URLSearchParams, session: Stripe.Checkout.Session, method: string): { entry?: BankEntry; state: FormState } {
  const state: FormState = { email: form.get("email") ?? undefined, name: form.get("name") ?? undefined, fieldErrors: {}, method };
  if (!isBankMethod(method) || !session.payment_method_types.includes(method)) return { state: { ...state, error: "Choose a payment method this page offers." } };
  const email = (form.get("email") ?? "").trim();
  if (!session.customer && !session.customer_email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) state.fieldErrors!.email = "Your email address is invalid.";
  const iban = form.get("iban") ?? "";
  if (method === "sepa_debit") {
    const problem = ibanProblem(iban);
    if (problem) state.fieldErrors!.iban = problem;
  }
  if (Object.keys(state.fieldErrors!).length > 0) return { state };
  const name = (form.get("name") ?? "").trim();
  return { entry: { type: method, iban, email: email || session.customer_email || null, name: name || null }, state };
}

/**
 * `/c/bank/:intent`: the bank's page of an iDEAL or Bancontact payment (Stripe's test page offers
 * "Authorize test payment" and "Fail test payment"). Authorized, the session completes and the
 * browser goes on as after a card; failed, it returns to Checkout with the reason.
 */
export async function handleBankPage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const m = /^\/c\/bank\/([^/]+)$/.exec(url.pathname);
  if (!m) return false;
  const intentId = decodeURIComponent(m[1]);
  const embedded = url.searchParams.get("embedded") === "1";
  if (!awaitsBank(intentId)) {
    sendHtml(res, 404, renderMessage("Something went wrong", "This payment is not waiting for its bank.", embedded));
    return true;
  }
  if (req.method === "POST") {
    const form = await readFormPost(req);
    const answered = answerBankRedirect(intentId, form.get("answer") === "authorize");
    if (!answered) return sendHtml(res, 404, renderMessage("Something went wrong", "This payment is not waiting for its bank.", embedded)), true;
    if (answered.session.status === "complete") afterCompletion(res, answered.session, embedded);
    else redirect(res, `/c/pay/${encodeURIComponent(answered.session.id)}/resume${embedded ? "?embedded=1" : ""}`);
    return true;
  }
  const action = `/c/bank/${encodeURIComponent(intentId)}${embedded ? "?embedded=1" : ""}`;
  const body = `<main class="single"><section class="card" data-testid="bank-page"><h1>Test payment at your bank</h1>
<p class="note">Emulated bank page: authorize or fail this test payment.</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="answer" value="authorize"><button type="submit">Authorize test payment</button></form>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="answer" value="fail"><button type="submit" class="secondary">Fail test payment</button></form>
</section></main>`;
  sendHtml(res, 200, page({ title: "Bank", embedded, body, script: resizeScript() }));
  return true;
}
