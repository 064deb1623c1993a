import { and, eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { getDb } from "@/db/client";
import { invoices, ledgerEntries, payments, refunds, stripeConnections, stripeEvents } from "@/db/schema";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/[dojo]/route";
import { decryptSecret } from "@/lib/crypto";

const signer = new Stripe("sk_test_signer");

/**
 * What Stripe holds for an invoice: every succeeded PaymentIntent whose metadata names it, what
 * was captured and what went back (refunds that left or are leaving the account).
 */
export async function stripeSideOf(stripe: Stripe, invoiceId: string) {
  const intents = (await stripe.paymentIntents.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })).filter(
    (pi) => pi.metadata?.tatami_invoice_id === invoiceId && pi.status === "succeeded",
  );
  let captured = 0;
  let refunded = 0;
  const perIntent: { id: string; captured: number; refunds: Stripe.Refund[] }[] = [];
  for (const pi of intents) {
    const list = (await stripe.refunds.list({ payment_intent: pi.id, limit: 100 })).data.filter((r) => r.status === "succeeded" || r.status === "pending");
    captured += pi.amount_received;
    refunded += list.reduce((sum, r) => sum + r.amount, 0);
    perIntent.push({ id: pi.id, captured: pi.amount_received, refunds: list });
  }
  return { captured, refunded, intents: perIntent };
}

/** What Tatami recorded for an invoice: card payments, refunds of them, its ledger sum. */
export async function tatamiSideOf(invoiceId: string) {
  const db = await getDb();
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  const paymentRows = await db.select().from(payments).where(eq(payments.invoiceId, invoiceId));
  const refundRows = await db.select().from(refunds).where(eq(refunds.invoiceId, invoiceId));
  const [ledger] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountMinor}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.invoiceId, invoiceId), eq(ledgerEntries.kind, "revenue")));
  const card = paymentRows.filter((p) => p.method === "card");
  const sum = (rows: { amountMinor: number }[]) => rows.reduce((s, r) => s + r.amountMinor, 0);
  const cardPaymentIds = new Set(card.map((p) => p.id));
  const given = refundRows.filter((r) => !r.failedAt);
  return {
    invoice,
    payments: paymentRows,
    refunds: refundRows,
    cardPaid: sum(card),
    // A refund the bank sent back (failedAt) stays listed on the invoice but gave nothing back.
    cardRefunded: sum(given.filter((r) => cardPaymentIds.has(r.paymentId))),
    paid: sum(paymentRows),
    refunded: sum(given),
    ledger: Number(ledger?.total ?? 0),
  };
}

/** The dojo's stored Stripe events that ended failed (Stripe would keep retrying them). */
export async function failedEventsOf(dojoId: string) {
  const db = await getDb();
  return db.select().from(stripeEvents).where(and(eq(stripeEvents.dojoId, dojoId), eq(stripeEvents.status, "failed")));
}

/**
 * Delivers events to the app's webhook route as Stripe would: the exact JSON signed with the
 * dojo's endpoint secret. Returns the route's answers in order.
 */
export async function deliverEvents(dojoId: string, events: Stripe.Event[]) {
  const db = await getDb();
  const [connection] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  const secret = decryptSecret(connection.webhookSecretEnc!);
  const answers: { id: string; type: string; status: number; result: unknown }[] = [];
  for (const event of events) {
    const body = JSON.stringify(event);
    const headers = new Headers({ "content-type": "application/json", "stripe-signature": signer.webhooks.generateTestHeaderString({ payload: body, secret }) });
    const response = await webhookRoute(new Request(`http://localhost/api/stripe/webhook/${dojoId}`, { method: "POST", headers, body }), { params: Promise.resolve({ dojo: dojoId }) });
    const reply = (await response.json()) as { result?: unknown };
    answers.push({ id: event.id, type: event.type, status: response.status, result: reply.result ?? null });
  }
  return answers;
}

/** Every event the dojo's Stripe account has, oldest first (each test's account is its own). */
export async function allEvents(stripe: Stripe): Promise<Stripe.Event[]> {
  return (await stripe.events.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })).reverse();
}
