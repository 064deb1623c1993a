import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx, Tx } from "@/db/client";
import { invoiceLines, invoices, members, type Invoice } from "@/db/schema";
import type { AfterCommit } from "@/lib/after-commit";
import { numberInvoice } from "@/lib/invoices/number";
import { dayInDojo } from "@/lib/ledger/append";
import { voidCollectedInvoice } from "@/lib/invoices/void-invoice";
import { paymentReceiptJob } from "@/lib/payments/card/receipt-mail";
import { delayedMethodOf, endInvoiceDebit, markInvoiceDebitProcessing } from "@/lib/payments/card/delayed-checkout";
import { settleStripePayment } from "@/lib/payments/settle-stripe-payment";
import { idOf } from "@/lib/stripe/objects";
import { isDelayedMethod } from "@/lib/stripe/payment-methods";
import { subscriptionMemberOf } from "./stripe-member";
import { fullName } from "@/lib/members/full-name";

/** processing: a delayed method's debit (SEPA) is with the bank; nothing is booked until it succeeds. */
export type StripeInvoiceState = "paid" | "action_required" | "processing" | "failed" | "open" | "void";

export interface SyncedInvoice {
  invoice: Invoice;
  state: StripeInvoiceState;
  memberId: string;
  /** True when this call recorded the payment (one revenue entry per Stripe invoice). */
  recorded: boolean;
  stripeInvoice: Stripe.Invoice;
  paymentIntent: Stripe.PaymentIntent | null;
  /** A SEPA debit failed after processing: the member and the owners are told by the debit-failed mail. */
  debitFailed?: boolean;
}

/**
 * What mirroring a Stripe invoice needs from Stripe, read before any row is locked: the invoice
 * as Stripe has it now, the PaymentIntent collecting it, and its lines when Tatami has no invoice
 * for it yet (null: not needed, or not a subscription's invoice worth mirroring).
 */
export interface StripeInvoiceRead {
  stripeInvoice: Stripe.Invoice;
  paymentIntent: Stripe.PaymentIntent | null;
  lines: Stripe.InvoiceLineItem[] | null;
}

const mirrored = (si: Stripe.Invoice) => !!si.parent?.subscription_details && si.status !== "draft" && si.amount_due > 0;

/** The PaymentIntent collecting a Stripe invoice: the paid one, else the open one. */
async function paymentIntentOf(stripe: Stripe, invoice: Stripe.Invoice): Promise<Stripe.PaymentIntent | null> {
  const payments = invoice.payments?.data ?? [];
  const chosen = payments.find((p) => p.status === "paid") ?? payments.find((p) => p.is_default) ?? payments[0];
  const piId = idOf(chosen?.payment.payment_intent);
  return piId ? stripe.paymentIntents.retrieve(piId, { expand: ["latest_charge"] }) : null;
}

/** On a family's invoice (the payer's customer), the member it is for: its lines name them. */
interface FamilyLine {
  familyId: string;
  memberId: string;
  name: string;
}

/**
 * One Tatami invoice per Stripe invoice: the unique stripe_invoice_id makes a concurrent insert
 * wait and lose. A family member's subscription invoice is the family's: addressed to the payer
 * (memberId), with its lines naming the member.
 */
async function findOrCreateInvoice(tx: Tx, dojoId: string, memberId: string, si: Stripe.Invoice, lines: Stripe.InvoiceLineItem[], family: FamilyLine | null): Promise<Invoice> {
  const mine = and(eq(invoices.dojoId, dojoId), eq(invoices.stripeInvoiceId, si.id));
  const [existing] = await tx.select().from(invoices).where(mine).for("update");
  if (existing) return existing;
  // The dojo's calendar day when Stripe finalized it (not the UTC day), worked out in the insert.
  const issueDate = dayInDojo(dojoId, new Date((si.status_transitions.finalized_at ?? si.created) * 1000));
  const [created] = await tx
    .insert(invoices)
    .values({
      dojoId,
      memberId,
      familyId: family?.familyId ?? null,
      status: "open",
      source: "subscription",
      currency: si.currency.toUpperCase(),
      totalMinor: si.amount_due,
      issueDate,
      dueDate: issueDate,
      notes: `Subscription payment (Stripe invoice ${si.number ?? si.id}).`,
      stripeInvoiceId: si.id,
    })
    .onConflictDoNothing({ target: invoices.stripeInvoiceId })
    .returning();
  if (!created) return (await tx.select().from(invoices).where(mine).for("update"))[0];
  if (lines.length) {
    await tx.insert(invoiceLines).values(
      lines.map((line, i) => {
        const quantity = line.quantity ?? 1;
        const description = line.description ?? "Subscription";
        return {
          dojoId,
          invoiceId: created.id,
          position: i + 1,
          description: family ? `${family.name}: ${description}` : description,
          quantity,
          unitPriceMinor: Math.round(line.amount / quantity),
          amountMinor: line.amount,
          memberId: family?.memberId ?? null,
        };
      }),
    );
  }
  // Numbered only once the row is ours, so a lost race does not burn a number.
  return numberInvoice(tx, created);
}

/**
 * Brings a subscription's Stripe invoice into Tatami, from the invoice as Stripe has it now
 * (so events in any order and any number converge): an open or paid Stripe invoice becomes
 * exactly one Tatami invoice (source "subscription"); once Stripe says paid, its payment is
 * settled through settleStripePayment (one payment and one revenue entry per PaymentIntent; a
 * payment the Tatami invoice cannot take, e.g. one voided before this rule, is refunded) and its
 * receipt queued.
 * Null for invoices that are not a subscription's, not finalized, of nothing due, or whose
 * customer is no member of this dojo. `receipt: false` for history brought in at once (a linked
 * customer's past payments), which would otherwise mail the member one receipt per old payment.
 */
export async function syncStripeInvoice(tx: Tx, stripe: Stripe, dojoId: string, stripeInvoiceId: string, opts: { receipt?: boolean; afterCommit?: AfterCommit } = {}): Promise<SyncedInvoice | null> {
  return applyStripeInvoice(tx, dojoId, await readStripeInvoice(tx, stripe, dojoId, stripeInvoiceId), opts);
}

/** The Stripe half of syncStripeInvoice: every Stripe call it needs, so none happens while a row is locked. */
export async function readStripeInvoice(db: DbOrTx, stripe: Stripe, dojoId: string, stripeInvoiceId: string): Promise<StripeInvoiceRead> {
  const si = await stripe.invoices.retrieve(stripeInvoiceId, { expand: ["payments"] });
  if (!mirrored(si)) return { stripeInvoice: si, paymentIntent: null, lines: null };
  const [known] = await db.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.dojoId, dojoId), eq(invoices.stripeInvoiceId, si.id)));
  const lines = known ? null : (await stripe.invoices.listLineItems(si.id, { limit: 100 })).data;
  return { stripeInvoice: si, paymentIntent: await paymentIntentOf(stripe, si), lines };
}

/**
 * Whom a Stripe invoice is booked under and, on a family's invoice, the member its lines are for:
 * a paying member's invoices are booked under them; a contact-paid family's under the member
 * the subscription is for. Null: the customer is no payer of this dojo.
 */
async function bookingOf(tx: Tx, dojoId: string, si: Stripe.Invoice): Promise<{ memberId: string; family: FamilyLine | null } | null> {
  const paidFor = await subscriptionMemberOf(tx, dojoId, si.customer ?? null, si.parent?.subscription_details?.metadata?.tatami_member_id);
  if (!paidFor) return null;
  const memberId = paidFor.payerMemberId ?? paidFor.memberId;
  if (!paidFor.familyId) return { memberId, family: null };
  const [m] = await tx.select({ firstName: members.firstName, lastName: members.lastName }).from(members).where(and(eq(members.dojoId, dojoId), eq(members.id, paidFor.memberId)));
  return { memberId, family: { familyId: paidFor.familyId, memberId: paidFor.memberId, name: fullName(m) } };
}

/** The database half of syncStripeInvoice, from what readStripeInvoice read: no Stripe call. */
export async function applyStripeInvoice(tx: Tx, dojoId: string, read: StripeInvoiceRead, opts: { receipt?: boolean; afterCommit?: AfterCommit } = {}): Promise<SyncedInvoice | null> {
  const { stripeInvoice: si, paymentIntent: pi } = read;
  if (!mirrored(si)) return null;
  const booking = await bookingOf(tx, dojoId, si);
  if (!booking) return null;
  const [known] = await tx.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.dojoId, dojoId), eq(invoices.stripeInvoiceId, si.id)));
  // A Stripe invoice voided before we saw it has nothing to mirror.
  if (!known && (si.status === "void" || si.status === "uncollectible")) return null;

  let invoice = await findOrCreateInvoice(tx, dojoId, booking.memberId, si, read.lines ?? [], booking.family);
  let recorded = false;
  let debitFailed = false;
  let state: StripeInvoiceState;
  if (si.status === "paid") {
    state = "paid";
    if (pi && pi.status === "succeeded") {
      // A SEPA debit that was pending is booked now, below, once.
      await endInvoiceDebit(tx, dojoId, pi, "paid");
      // First payment or renewal: the member gets a receipt like any card payment, queued in the payment's statement.
      const receipt = opts.receipt !== false ? (paymentId: string) => [paymentReceiptJob({ id: paymentId, dojoId }, pi)] : undefined;
      const result = await settleStripePayment(tx, { dojoId, invoiceId: invoice.id, paymentIntent: pi, paidAt: new Date((si.status_transitions.paid_at ?? si.created) * 1000), jobs: receipt }, opts.afterCommit);
      invoice = result.invoice;
      recorded = result.recorded;
    }
  } else if (si.status === "void" || si.status === "uncollectible") {
    state = "void";
    invoice = await voidCollectedInvoice(tx, invoice, si.status);
  } else if (delayedMethodOf(pi)) {
    // SEPA: the invoice is open at Stripe while the debit is processing. Pending, nothing booked.
    state = "processing";
    await markInvoiceDebitProcessing(tx, dojoId, invoice, pi!, delayedMethodOf(pi)!);
  } else {
    state = pi?.status === "requires_action" ? "action_required" : si.attempted ? "failed" : "open";
    // A debit that came back: nothing was booked; the member and the owners are told (once, by the
    // pending row), and every later sync of the same failure knows it too.
    if (pi && pi.status === "requires_payment_method" && isDelayedMethod(pi.last_payment_error?.payment_method_type)) {
      await endInvoiceDebit(tx, dojoId, pi, "failed");
      debitFailed = true;
    }
  }
  return { invoice, state, memberId: booking.memberId, recorded, stripeInvoice: si, paymentIntent: pi, debitFailed };
}
