import type { DbOrTx } from "@/db/client";
import { enqueueJob, MAIL_JOB_PREFIX, type NewJob } from "@/lib/jobs/queue";
import type { MailKind } from "./mail-kind";

/** About eight hours of retries (2 s doubling to 15 min) before a mail is given up and listed for staff. */
export const MAIL_MAX_ATTEMPTS = 40;

/** The mail's one key, from what caused it: the job's dedupe key and Resend's Idempotency-Key. */
export const mailKey = (kind: MailKind<never>, cause: string) => `${kind.name}:${cause}`;

/**
 * Queues a transactional mail in the caller's transaction: it goes out (within a second or
 * two, lib/jobs/worker.ts) once that transaction commits, never for one that rolls back, and is
 * retried until Resend takes it. `cause` names what the mail is about (a payment id, an invoice
 * and attempt …): one mail per kind and cause, however often this is called. `dojoId` is null for
 * mails to someone who has no dojo yet (sign-up).
 */
export async function enqueueMail<P extends Record<string, unknown>>(tx: DbOrTx, kind: MailKind<P>, input: MailToQueue<P>): Promise<void> {
  await enqueueJob(tx, mailJob(kind, input));
}

export interface MailToQueue<P> {
  dojoId: string | null;
  cause: string;
  params: P;
}

/** The job enqueueMail queues, for a caller that queues it inside a statement of its own (storePayment). */
export function mailJob<P extends Record<string, unknown>>(kind: MailKind<P>, input: MailToQueue<P>): NewJob {
  return {
    kind: `${MAIL_JOB_PREFIX}${kind.name}`,
    payload: input.params,
    dojoId: input.dojoId,
    dedupeKey: mailKey(kind as MailKind<never>, input.cause),
    maxAttempts: MAIL_MAX_ATTEMPTS,
  };
}
