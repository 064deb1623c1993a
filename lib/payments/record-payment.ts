import { randomUUID } from "node:crypto";
import { eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { insertWhere } from "@/db/insert-where";
import { invoices, jobs, ledgerEntries, members, payments, type Invoice, type Payment, type PaymentMethod } from "@/db/schema";
import type { AfterCommit } from "@/lib/after-commit";
import { dayInDojo, ledgerEntryInsert } from "@/lib/ledger/append";
import { addPayment } from "@/lib/invoices/amounts";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { invalidAmount, refused } from "@/lib/errors";
import { assertPayable } from "@/lib/invoices/payable";
import { openCheckoutsEnd, queueCheckoutExpiry } from "./card/end-checkouts";
import { jobInsert, type NewJob } from "@/lib/jobs/queue";
import { memberFullName } from "@/lib/members/full-name";

export const PAYMENTS_LEDGER_CATEGORY = "Invoice payments";

export interface RecordPaymentInput {
  dojoId: string;
  invoiceId: string;
  method: PaymentMethod;
  amountMinor: number;
  currency: string;
  paidAt: Date;
  reference?: string | null;
  stripePaymentIntentId?: string | null;
  stripeChargeId?: string | null;
  recordedBy?: string | null;
}

export interface RecordedPayment {
  payment: Payment;
  /** False when this PaymentIntent was already recorded (by the browser or the webhook). */
  created: boolean;
  invoice: Invoice;
}

/**
 * The one way a payment is recorded, for every method and caller (staff, members area,
 * webhooks). Idempotent per Stripe PaymentIntent. In the caller's transaction it locks the
 * invoice, stores the payment, books exactly one revenue entry for it and marks the invoice
 * paid once payments cover the total. The open amount changed, so the invoice's open Checkout
 * Sessions (made for the old amount) are ended. It refuses what the invoice cannot take: money
 * Stripe already took goes through settleStripePayment, which refunds that part instead.
 */
export async function recordPayment(tx: Tx, input: RecordPaymentInput, opts: StoreOptions = {}): Promise<RecordedPayment> {
  // The lock comes first: a second caller with the same PaymentIntent waits here and then
  // finds the payment the first one committed.
  const invoice = await lockInvoice(tx, input.dojoId, input.invoiceId);
  if (input.stripePaymentIntentId) {
    const [existing] = await tx.select().from(payments).where(eq(payments.stripePaymentIntentId, input.stripePaymentIntentId));
    if (existing) {
      if (existing.dojoId !== input.dojoId || existing.invoiceId !== invoice.id) throw refused("payment.recorded_for_other_invoice");
      return { payment: existing, created: false, invoice };
    }
  }
  return storePayment(tx, invoice, input, opts);
}

export interface StoreOptions {
  afterCommit?: AfterCommit;
  /** The Checkout Session that took this payment (card_checkouts id): closed, not expired, with the others. */
  closingCheckout?: string;
  /** Jobs that go with the new payment (its receipt), queued in the payment's own statement. */
  jobs?: (paymentId: string) => NewJob[];
}

/** storePayment's options, plus the condition the whole write depends on (storePaymentIf). */
interface GuardedStoreOptions extends StoreOptions {
  onlyIf?: SQL;
}

/**
 * recordPayment's writes, for a caller that holds the invoice's lock (`invoice` is the row read
 * under it) and has found no payment for this PaymentIntent: settleStripePayment, which locks and
 * looks up once for everything it decides. One statement: the payment with its ledger entry
 * (named and dated in it), the invoice's amounts, the end of its Checkout Sessions and the
 * caller's jobs (a second only to queue the expiry of sessions it ended).
 */
export async function storePayment(tx: Tx, invoice: Invoice, input: RecordPaymentInput, opts: StoreOptions = {}): Promise<RecordedPayment> {
  return (await writePayment(tx, invoice, input, opts))!;
}

/**
 * storePayment, in the same one statement, only if `onlyIf` holds when it runs — null (and nothing
 * written) when it does not. For settleStripePayment: the condition "no payment or automatic refund
 * of this PaymentIntent yet" is checked by the write itself, whose snapshot is taken after the
 * invoice's lock, instead of by a look-up of its own.
 */
export async function storePaymentIf(tx: Tx, invoice: Invoice, input: RecordPaymentInput, onlyIf: SQL, opts: StoreOptions = {}): Promise<RecordedPayment | null> {
  return writePayment(tx, invoice, input, { ...opts, onlyIf });
}

async function writePayment(tx: Tx, invoice: Invoice, input: RecordPaymentInput, opts: GuardedStoreOptions): Promise<RecordedPayment | null> {
  const openMinor = assertPayable(invoice);
  if (input.currency.toUpperCase() !== invoice.currency) throw invalidAmount("other_currency", { currency: input.currency.toUpperCase(), expectedCurrency: invoice.currency });
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) throw invalidAmount("not_positive");
  if (input.amountMinor > openMinor) throw invalidAmount("more_than_open", { openMinor, expectedCurrency: invoice.currency });

  // The payment, its revenue entry and the invoice's new amounts in one statement (the entry and
  // the invoice's update as WITH clauses, run whether or not referenced): the id is made here so
  // the entry can name it.
  const paymentId = randomUUID();
  const memberName = sql<string>`coalesce((select ${memberFullName()} from ${members} where ${members.id} = ${invoice.memberId}), 'member')`;
  // Every part of the statement carries the condition (each WITH clause runs whether or not referenced).
  const { onlyIf } = opts;
  const booked = tx.$with("booked").as(
    ledgerEntryInsert(tx, {
      dojoId: input.dojoId,
      date: dayInDojo(input.dojoId, input.paidAt),
      kind: "revenue",
      category: PAYMENTS_LEDGER_CATEGORY,
      description: sql<string>`${`Invoice ${invoice.number} · `} || ${memberName}`,
      amountMinor: input.amountMinor,
      currency: invoice.currency,
      paymentId,
      invoiceId: invoice.id,
      createdBy: input.recordedBy ?? null,
    }, onlyIf).returning({ id: ledgerEntries.id }),
  );
  const paid = addPayment(tx, invoice, input.amountMinor, input.paidAt, onlyIf);
  const amounts = tx.$with("amounts").as(paid.update.returning({ id: invoices.id }));
  // The open amount changed: the invoice's open Checkout Sessions end in the same statement, and
  // the caller's jobs (the receipt) are queued in it too — each a round trip fewer per payment.
  const ended = tx.$with("ended").as(openCheckoutsEnd(tx, input.dojoId, invoice.id, { closing: opts.closingCheckout, onlyIf }));
  const queued = (opts.jobs?.(paymentId) ?? []).map((job, i) => tx.$with(`queued_${i}`).as(jobInsert(tx, job, onlyIf).returning({ id: jobs.id })));
  const values = {
    id: paymentId,
    dojoId: input.dojoId,
    invoiceId: invoice.id,
    method: input.method,
    amountMinor: input.amountMinor,
    currency: invoice.currency,
    paidAt: input.paidAt,
    reference: input.reference?.trim() || null,
    stripePaymentIntentId: input.stripePaymentIntentId ?? null,
    stripeChargeId: input.stripeChargeId ?? null,
    recordedBy: input.recordedBy ?? null,
  };
  const written = tx.with(booked, amounts, ended, ...queued);
  const [row] = await (onlyIf ? insertWhere(written, payments, values, onlyIf) : written.insert(payments).values(values))
    .returning({ ...getTableColumns(payments), expiring: sql<string>`(select coalesce(string_agg(id::text, ','), '') from ended where status = 'expiring')` });
  if (!row) return null;
  const { expiring, ...payment } = row;

  // Sessions marked expiring (rare: a member paid while another session was open) still need
  // their expiry job, one more statement only then.
  await queueCheckoutExpiry(tx, input.dojoId, expiring ? expiring.split(",") : [], opts.afterCommit);
  return { payment, created: true, invoice: paid.invoice };
}
