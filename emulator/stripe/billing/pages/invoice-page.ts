import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import { escapeHtml, readFormPost, redirect, sendHtml } from "../../../http";
import { accountOwning, type Account } from "../../accounts";
import { emulatorConfig } from "../../config";
import { formatAmount } from "../../currency";
import { field, formScript, parseEntry, type FormState } from "../../pages/checkout";
import { page } from "../../pages/layout";
import { createCardPaymentMethod } from "../../resources/payment-methods";
import { attemptInvoicePayment, invoiceInternals, markInvoicePaid } from "../invoices";
import { chargeInvoicePayment } from "../payments";
import { billingNow, formatDay } from "../time";

/**
 * The hosted invoice page (`hosted_invoice_url`, `/i/:id`): shows the invoice and lets the customer
 * pay an open one with a card or, when the bank asks for it, authenticate the pending payment
 * through the 3-D Secure page, which sends the browser back here.
 */
const AUTH_FAILED = "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

function findInvoice(id: string): { account: Account; invoice: Stripe.Invoice } | null {
  const account = accountOwning(id);
  const invoice = account?.get<Stripe.Invoice>(id, "invoice");
  return account && invoice ? { account, invoice } : null;
}

function paymentIntentOf(account: Account, invoice: Stripe.Invoice): Stripe.PaymentIntent | undefined {
  const id = invoiceInternals(account, invoice.id).paymentIntentId;
  return id ? account.get<Stripe.PaymentIntent>(id, "payment_intent") : undefined;
}

function pageUrl(invoice: Stripe.Invoice): string {
  return `${emulatorConfig.publicUrl}/i/${encodeURIComponent(invoice.id)}`;
}

function summary(account: Account, invoice: Stripe.Invoice): string {
  const lines = invoice.lines.data
    .map((l) => `<li><span>${escapeHtml(l.description ?? "Item")}</span><span>${escapeHtml(formatAmount(l.amount, l.currency))}</span></li>`)
    .join("");
  const period = invoice.lines.data[0]?.period;
  return `<section>
  <div class="merchant">${escapeHtml(account.displayName)} <span class="badge">Test mode</span></div>
  <p class="note">Invoice ${escapeHtml(invoice.number ?? invoice.id)}${period ? ` · ${escapeHtml(formatDay(period.start))} – ${escapeHtml(formatDay(period.end))}` : ""}</p>
  <div class="total" data-testid="invoice-amount">${escapeHtml(formatAmount(invoice.status === "paid" ? invoice.amount_paid : invoice.amount_remaining, invoice.currency))}</div>
  <ul class="items">${lines}<li><strong>Total</strong><strong>${escapeHtml(formatAmount(invoice.total, invoice.currency))}</strong></li></ul>
</section>`;
}

function statusCard(title: string, text: string): string {
  return `<section class="card" data-testid="invoice-status"><h1>${escapeHtml(title)}</h1><p class="note">${escapeHtml(text)}</p></section>`;
}

function authenticateCard(invoice: Stripe.Invoice): string {
  return `<section class="card">
  <h1>Confirm your payment</h1>
  <p>Your bank asks you to confirm this payment of ${escapeHtml(formatAmount(invoice.amount_remaining, invoice.currency))}.</p>
  <form method="post" action="/i/${encodeURIComponent(invoice.id)}">
    <input type="hidden" name="action" value="authenticate">
    <button type="submit">Authenticate payment</button>
  </form>
</section>`;
}

function payCard(invoice: Stripe.Invoice, state: FormState): string {
  return `<section class="card">
  <form method="post" action="/i/${encodeURIComponent(invoice.id)}" novalidate>
    <input type="hidden" name="action" value="pay">
    ${state.error ? `<div class="error" role="alert" data-testid="invoice-error">${escapeHtml(state.error)}</div>` : ""}
    ${field("card_number", "Card number", `inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required`, state)}
    <div class="row">
      ${field("expiry", "Expiry (MM / YY)", `inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY" required`, state)}
      ${field("cvc", "CVC", `inputmode="numeric" autocomplete="cc-csc" placeholder="123" required`, state)}
    </div>
    ${field("name", "Cardholder name", `autocomplete="cc-name" value="${escapeHtml(state.name ?? "")}"`, state)}
    <button type="submit">Pay ${escapeHtml(formatAmount(invoice.amount_remaining, invoice.currency))}</button>
    <p class="note">Emulated Stripe invoice: use test cards such as 4242 4242 4242 4242 with any future date and any CVC.</p>
  </form>
</section>`;
}

function render(account: Account, invoice: Stripe.Invoice, state: FormState = {}): string {
  const pi = paymentIntentOf(account, invoice);
  let card: string;
  if (invoice.status === "paid") {
    const paidAt = invoice.status_transitions.paid_at;
    card = statusCard("Invoice paid", `Paid ${formatAmount(invoice.amount_paid, invoice.currency)}${paidAt ? ` on ${formatDay(paidAt)}` : ""}. Thank you.`);
  } else if (invoice.status === "void") {
    card = statusCard("Invoice void", "This invoice was canceled and is no longer payable.");
  } else if (invoice.status !== "open") {
    card = statusCard("Invoice not ready", "This invoice has not been finalized yet.");
  } else if (pi?.status === "requires_action" && !state.error) {
    card = authenticateCard(invoice);
  } else {
    card = payCard(invoice, state);
  }
  return page({
    title: `Invoice ${invoice.number ?? invoice.id} – ${account.displayName}`,
    body: `<main>${summary(account, invoice)}${card}</main>`,
    script: formScript(),
  });
}

/** Sends the browser to the 3-D Secure page, or back here when the payment settled at once. */
function followOutcome(res: ServerResponse, account: Account, invoice: Stripe.Invoice, pi: Stripe.PaymentIntent): void {
  const next = pi.next_action?.redirect_to_url?.url;
  if (pi.status === "requires_action" && next) {
    redirect(res, next);
    return;
  }
  if (pi.status === "requires_payment_method") {
    sendHtml(res, 402, render(account, invoice, { error: pi.last_payment_error?.message ?? "Your card was declined." }));
    return;
  }
  redirect(res, `/i/${encodeURIComponent(invoice.id)}`);
}

async function handlePost(req: IncomingMessage, res: ServerResponse, account: Account, invoice: Stripe.Invoice): Promise<void> {
  const form = await readFormPost(req);
  if (invoice.status !== "open") {
    redirect(res, `/i/${encodeURIComponent(invoice.id)}`);
    return;
  }
  const now = billingNow(account, invoice.customer as string);
  const pi = paymentIntentOf(account, invoice);
  if (form.get("action") === "authenticate" && pi?.status === "requires_action") {
    // Confirming again on-session with a return URL turns the pending challenge into a redirect here.
    const pm = typeof pi.payment_method === "string" ? pi.payment_method : (pi.payment_method?.id ?? null);
    const outcome = chargeInvoicePayment(account, pi.id, pm, { offSession: false, now, returnUrl: pageUrl(invoice) });
    if (outcome.status === "succeeded") markInvoicePaid(account, invoice, now);
    followOutcome(res, account, invoice, outcome.paymentIntent);
    return;
  }
  const { entry, state } = parseEntry(form, { customer: invoice.customer as string, customer_email: invoice.customer_email });
  if (!entry) {
    sendHtml(res, 400, render(account, invoice, state));
    return;
  }
  const pm = createCardPaymentMethod(account, entry.card, { expMonth: entry.expMonth, expYear: entry.expYear, name: entry.name });
  const outcome = attemptInvoicePayment(account, invoice, { paymentMethod: pm.id, offSession: false, now, returnUrl: pageUrl(invoice) });
  followOutcome(res, account, invoice, outcome.paymentIntent);
}

export async function handleInvoicePage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const m = /^\/i\/([^/]+)$/.exec(url.pathname);
  if (!m) return false;
  const found = findInvoice(decodeURIComponent(m[1]));
  if (!found) {
    sendHtml(res, 404, page({ title: "Invoice not found", body: `<main class="single">${statusCard("Invoice not found", "This invoice link is not valid.")}</main>` }));
    return true;
  }
  const { account, invoice } = found;
  if (req.method === "POST") {
    await handlePost(req, res, account, invoice);
    return true;
  }
  // Back from a failed 3-D Secure challenge: say so above the card form.
  const failed = url.searchParams.get("redirect_status") === "failed" && invoice.status === "open";
  sendHtml(res, 200, render(account, invoice, failed ? { error: AUTH_FAILED } : {}));
  return true;
}
