import "server-only";
import type { Db } from "@/db/client";
import type { Job } from "@/db/schema";
import { failCampaign, sendCampaign, type SendCampaignOptions } from "@/lib/campaigns/send-campaign";
import { env } from "@/lib/env";
import { mailJobHandlers } from "@/lib/mail/registry";
import { markAutomaticRefundFailed, performAutomaticRefund } from "@/lib/payments/automatic-refunds/perform-automatic-refund";
import { expireCheckouts } from "@/lib/payments/card/expire-checkouts";
import { pruneRateLimitBuckets } from "@/lib/security/rate-limit";
import { expireReservation } from "@/lib/shop/at-dojo-orders";
import { reconcileAllDojos } from "@/lib/stripe/webhooks/reconcile";
import { failCustomerImport, importCustomerInvoices } from "@/lib/subscriptions/import-customer-invoices";
import { PermanentJobError, RetryJobLater } from "./job-errors";
import { AUTOMATIC_REFUND_JOB, CAMPAIGN_SEND_JOB, EXPIRE_CHECKOUTS_JOB, SHOP_RESERVATION_EXPIRY_JOB, STRIPE_CUSTOMER_IMPORT_JOB, STRIPE_RECONCILE_JOB } from "./kinds";
import { claimJob, completeJob, extendLease, failJob, scheduleOnce, type Lane } from "./queue";

export interface RunOptions {
  /** The clock of the run (tests move it forward instead of waiting). */
  now?: Date;
  /** Only jobs of this lane (default: any). */
  lane?: Lane;
  /** Aborting stops a running job between two steps; it is picked up again later. */
  signal?: AbortSignal;
  campaign?: Omit<SendCampaignOptions, "heartbeat">;
}

export interface JobHandler {
  run(db: Db, job: Job, heartbeat: () => Promise<void>, opts: RunOptions): Promise<void>;
  /** After the last attempt failed. */
  gaveUp?(db: Db, job: Job, error: string): Promise<void>;
}

const reconcileEvery = () => env().RECONCILE_INTERVAL_MINUTES * 60_000;

const HANDLERS: Record<string, JobHandler> = {
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
  // Transactional mail: one `mail.<kind>` per kind of mail (lib/mail/registry.ts).
  ...mailJobHandlers(),
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
  // A pay-at-the-dojo order nobody confirmed: cancelled when its reservation ends, stock back on sale.
  [SHOP_RESERVATION_EXPIRY_JOB]: {
    async run(db, job, _heartbeat, opts) {
      await expireReservation(db, String(job.payload.dojoId), String(job.payload.orderId), opts.now);
      // Old limit buckets are dropped along the way (they fill up with one-off addresses otherwise).
      await pruneRateLimitBuckets(db, opts.now);
    },
  },
  [STRIPE_CUSTOMER_IMPORT_JOB]: {
    run: async (db, job, heartbeat) => {
      await importCustomerInvoices(db, String(job.payload.importId), String(job.payload.customerId), heartbeat);
    },
    gaveUp: (db, job, error) => failCustomerImport(db, String(job.payload.importId), String(job.payload.customerId), error),
  },
};

interface JobRun {
  job: Job;
  /** The service asked us to slow down: the lane waits this long before its next job. */
  holdOffMs: number;
}

async function runClaimed(db: Db, job: Job, opts: RunOptions): Promise<JobRun> {
  const handler = HANDLERS[job.kind];
  const heartbeat = async () => {
    if (opts.signal?.aborted) throw new Error("The worker is stopping; the job continues later.");
    await extendLease(db, job.id);
  };
  try {
    if (!handler) throw new PermanentJobError(`No handler for job kind ${job.kind}`);
    await handler.run(db, job, heartbeat, opts);
    await completeJob(db, job.id);
    return { job, holdOffMs: 0 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const later = error instanceof RetryJobLater ? error : null;
    const permanent = error instanceof PermanentJobError;
    const gaveUp = await failJob(db, job, message, { now: opts.now, giveUp: permanent, retryInMs: later?.retryInMs, refundAttempt: later?.refundAttempt });
    if (gaveUp) console.error(`Job ${job.kind} ${job.id} failed for good after ${job.attempts} attempt(s)${permanent ? " (permanent error)" : ""}: ${message}`);
    else if (!later?.refundAttempt) console.warn(`Job ${job.kind} ${job.id} failed (attempt ${job.attempts}), retried later: ${message}`);
    if (gaveUp && handler?.gaveUp) await handler.gaveUp(db, job, message);
    return { job, holdOffMs: later?.refundAttempt ? (later.retryInMs ?? 0) : 0 };
  }
}

async function runOne(db: Db, opts: RunOptions): Promise<JobRun | null> {
  const job = await claimJob(db, opts.now, opts.lane);
  return job ? runClaimed(db, job, opts) : null;
}

/** Claims and runs one due job; false when there was none. Used by the worker loop and by tests. */
export async function runNextJob(db: Db, opts: RunOptions = {}): Promise<boolean> {
  return (await runOne(db, opts)) !== null;
}

/**
 * Runs every job that is due at `opts.now`, one after the other (tests, scripts). A job that
 * fails is rescheduled after `now`, so this always ends; tests move `now` on to run retries.
 */
export async function runDueJobs(db: Db, opts: RunOptions = {}): Promise<number> {
  let n = 0;
  while (await runNextJob(db, opts)) n++;
  return n;
}

// An idle lane looks for new work every second: mail goes out within about a second of the commit.
const POLL_MS = 1_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

function runLane(getDb: () => Promise<Db>, lane: Lane, signal: AbortSignal): void {
  void (async () => {
    while (!signal.aborted) {
      let run: JobRun | null = null;
      try {
        run = await runOne(await getDb(), { lane, signal });
      } catch (error) {
        console.error(`Job worker error (${lane} lane)`, error);
      }
      if (!run) await sleep(POLL_MS, signal);
      else if (run.holdOffMs > 0) await sleep(run.holdOffMs, signal);
    }
  })();
}

/**
 * The background worker of this process (started by instrumentation.ts with the Next server):
 * two lanes polling the queue, one job at a time each: mail, and everything else (campaigns,
 * reconciliation). Returns a stop function that lets each running job finish its current step.
 */
export function startJobWorker(getDb: () => Promise<Db>): () => void {
  const controller = new AbortController();
  // The reconciliation chain: started once, a minute after boot, whatever the number of instances.
  void getDb()
    .then((db) => scheduleOnce(db, STRIPE_RECONCILE_JOB, new Date(Date.now() + 60_000)))
    .catch((error) => console.error("Could not schedule Stripe reconciliation", error));
  runLane(getDb, "mail", controller.signal);
  runLane(getDb, "other", controller.signal);
  return () => controller.abort();
}
