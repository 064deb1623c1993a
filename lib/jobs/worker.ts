import "server-only";
import type { Db } from "@/db/client";
import type { Job } from "@/db/schema";
import { failCampaign, sendCampaign, type SendCampaignOptions } from "@/lib/campaigns/send-campaign";
import { NO_ADDRESS, sendInvoiceIssuedMail } from "@/lib/invoices/issued-mail";
import { env } from "@/lib/env";
import { markAutomaticRefundFailed, performAutomaticRefund } from "@/lib/payments/automatic-refunds/perform-automatic-refund";
import { expireCheckouts } from "@/lib/payments/card/expire-checkouts";
import { reconcileAllDojos } from "@/lib/stripe/webhooks/reconcile";
import { AUTOMATIC_REFUND_JOB, CAMPAIGN_SEND_JOB, EXPIRE_CHECKOUTS_JOB, INVOICE_ISSUED_MAIL_JOB, STRIPE_RECONCILE_JOB } from "./kinds";
import { claimJob, completeJob, extendLease, failJob, scheduleOnce } from "./queue";

export interface RunOptions {
  now?: Date;
  /** Aborting stops a running job between two steps; it is picked up again later. */
  signal?: AbortSignal;
  campaign?: Omit<SendCampaignOptions, "heartbeat">;
}

interface Handler {
  run(db: Db, job: Job, heartbeat: () => Promise<void>, opts: RunOptions): Promise<void>;
  /** After the last attempt failed. */
  gaveUp?(db: Db, job: Job, error: string): Promise<void>;
}

const reconcileEvery = () => env().RECONCILE_INTERVAL_MINUTES * 60_000;

const HANDLERS: Record<string, Handler> = {
  // Periodic: applies Stripe events the webhooks missed, then queues its next run.
  [STRIPE_RECONCILE_JOB]: {
    async run(db, job, _heartbeat, opts) {
      await reconcileAllDojos(db);
      await scheduleOnce(db, STRIPE_RECONCILE_JOB, new Date((opts.now ?? new Date()).getTime() + reconcileEvery()), { after: job.id });
    },
  },
  [CAMPAIGN_SEND_JOB]: {
    run: (db, job, heartbeat, opts) => sendCampaign(db, String(job.payload.campaignId), { ...opts.campaign, heartbeat }),
    gaveUp: (db, job, error) => failCampaign(db, String(job.payload.campaignId), error),
  },
  // Money Tatami decided to give back (settleStripePayment): retried until Stripe has made the refund.
  [AUTOMATIC_REFUND_JOB]: {
    async run(db, job) {
      await performAutomaticRefund(db, String(job.payload.automaticRefundId));
    },
    async gaveUp(db, job, error) {
      await markAutomaticRefundFailed(db, { id: String(job.payload.automaticRefundId) }, error);
    },
  },
  // Checkout Sessions of an invoice that changed (voided, paid): expired at Stripe so nobody pays them.
  [EXPIRE_CHECKOUTS_JOB]: {
    async run(db, job) {
      await expireCheckouts(db, String(job.payload.dojoId), (job.payload.checkoutIds as string[] | undefined) ?? []);
    },
  },
  [INVOICE_ISSUED_MAIL_JOB]: {
    async run(db, job) {
      const result = await sendInvoiceIssuedMail(db, String(job.payload.invoiceId));
      // Retried later unless there is nobody to write to.
      if (!result.sent && result.reason !== NO_ADDRESS && result.reason !== "invoice not found") throw new Error(result.reason);
    },
  },
};

/** Claims and runs one due job; false when there was none. Used by the worker loop and by tests. */
export async function runNextJob(db: Db, opts: RunOptions = {}): Promise<boolean> {
  const job = await claimJob(db, opts.now);
  if (!job) return false;
  const handler = HANDLERS[job.kind];
  const heartbeat = async () => {
    if (opts.signal?.aborted) throw new Error("The worker is stopping; the job continues later.");
    await extendLease(db, job.id);
  };
  try {
    if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
    await handler.run(db, job, heartbeat, opts);
    await completeJob(db, job.id);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Job ${job.kind} ${job.id} failed (attempt ${job.attempts}): ${message}`);
    if ((await failJob(db, job, message)) && handler?.gaveUp) await handler.gaveUp(db, job, message);
  }
  return true;
}

/** Runs every job that is due now, one after the other (tests, scripts). */
export async function runDueJobs(db: Db, opts: RunOptions = {}): Promise<number> {
  let n = 0;
  while (await runNextJob(db, opts)) n++;
  return n;
}

const POLL_MS = 1_000;

/**
 * The background worker of this process (started by instrumentation.ts with the Next server):
 * one job at a time, polling the queue. Returns a stop function that lets the running job
 * finish its current step.
 */
export function startJobWorker(getDb: () => Promise<Db>): () => void {
  const controller = new AbortController();
  void (async () => {
    // The reconciliation chain: started once, a minute after boot, whatever the number of instances.
    await getDb()
      .then((db) => scheduleOnce(db, STRIPE_RECONCILE_JOB, new Date(Date.now() + 60_000)))
      .catch((error) => console.error("Could not schedule Stripe reconciliation", error));
    while (!controller.signal.aborted) {
      let worked = false;
      try {
        worked = await runNextJob(await getDb(), { signal: controller.signal });
      } catch (error) {
        console.error("Job worker error", error);
      }
      if (!worked) await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  return () => controller.abort();
}
