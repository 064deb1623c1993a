import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { automaticRefunds, type AutomaticRefund, type AutomaticRefundReason } from "@/db/schema";
import type { AfterCommit } from "@/lib/after-commit";
import { AUTOMATIC_REFUND_JOB } from "@/lib/jobs/kinds";
import { enqueueJob } from "@/lib/jobs/queue";
import { performAutomaticRefund } from "./perform-automatic-refund";

export interface AutomaticRefundDecision {
  dojoId: string;
  invoiceId?: string | null;
  orderId?: string | null;
  stripePaymentIntentId: string;
  amountMinor: number;
  currency: string;
  reason: AutomaticRefundReason;
}

// Stripe retries are cheap and a stranded payment is not: keep trying for about eight hours
// (the queue's backoff tops out at five minutes) before staff are asked to act.
const REFUND_ATTEMPTS = 100;

/**
 * Decides, in the caller's transaction, that (part of) a succeeded payment goes back. The row is
 * unique per PaymentIntent, so every path that reaches the same payment finds this decision and
 * none refunds again; the Stripe refund itself is a job (retried until Stripe makes it) and, when
 * the caller can, a follow-up right after the commit.
 */
export async function recordAutomaticRefund(tx: Tx, decision: AutomaticRefundDecision, afterCommit?: AfterCommit): Promise<AutomaticRefund> {
  const [created] = await tx
    .insert(automaticRefunds)
    .values({ ...decision, currency: decision.currency.toUpperCase() })
    .onConflictDoNothing({ target: automaticRefunds.stripePaymentIntentId })
    .returning();
  if (!created) {
    const [existing] = await tx.select().from(automaticRefunds).where(eq(automaticRefunds.stripePaymentIntentId, decision.stripePaymentIntentId));
    return existing;
  }
  await enqueueJob(tx, { kind: AUTOMATIC_REFUND_JOB, dojoId: decision.dojoId, payload: { automaticRefundId: created.id }, maxAttempts: REFUND_ATTEMPTS });
  afterCommit?.((db) => performAutomaticRefund(db, created.id));
  return created;
}
