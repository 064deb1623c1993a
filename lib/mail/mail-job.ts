import "server-only";
import type { Db } from "@/db/client";
import type { Job } from "@/db/schema";
import { PermanentJobError, RetryJobLater } from "@/lib/jobs/job-errors";
import type { MailKind } from "./mail-kind";
import { sendMail } from "./send";

/** 2 s, 4 s, 8 s … up to 15 minutes between attempts while Resend is down. */
export const mailRetryMs = (attempts: number) => Math.min(15 * 60_000, 2_000 * 2 ** (Math.max(1, attempts) - 1));

/**
 * Runs one queued mail: composes it from the database now and sends it under its idempotency
 * key. Resend's 429 waits `retry-after` without using up an attempt; 5xx and network errors are
 * retried with backoff; a request Resend refuses as invalid fails the job at once (listed for staff).
 */
export async function runMailJob<P extends Record<string, unknown>>(db: Db, kind: MailKind<P>, job: Job, now: Date): Promise<void> {
  const composed = await kind.compose(db, job.payload as P, now);
  if ("skip" in composed) {
    console.info(`Mail ${job.kind} ${job.id} not sent: ${composed.skip}`);
    return;
  }
  const result = await sendMail({ ...composed, idempotencyKey: job.dedupeKey ?? `job:${job.id}` });
  if (result.status === "sent") return;
  if (result.status === "refused") throw new PermanentJobError(`Resend refused the mail to ${composed.to}: ${result.reason}`);
  if (result.rateLimited) throw new RetryJobLater(result.reason, result.retryAfterMs, true);
  throw new RetryJobLater(result.reason, mailRetryMs(job.attempts));
}
