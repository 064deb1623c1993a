import "server-only";
import { and, desc, eq, gt, like } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { jobs } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { MAIL_JOB_PREFIX } from "@/lib/jobs/queue";
import { MAIL_KINDS } from "./registry";

export interface FailedMail {
  id: string;
  /** The mail's kind ("invoice-issued"), named in the staff member's words on the dashboard; "other" for one no longer sent. */
  kind: string;
  failedAt: Date;
  error: string;
}

const SHOWN_FOR_MS = 30 * 24 * 60 * 60 * 1000;
const failedMail = (dojoId: string) => and(eq(jobs.dojoId, dojoId), eq(jobs.status, "failed"), like(jobs.kind, `${MAIL_JOB_PREFIX}%`));

/**
 * The dojo's mails of the last 30 days that could not be sent (Resend refused them, or was
 * still failing after hours of retries), newest first: shown to staff on the dashboard.
 */
export async function failedMails(db: DbOrTx, dojoId: string, now = new Date(), limit = 10): Promise<FailedMail[]> {
  const rows = await db
    .select({ id: jobs.id, kind: jobs.kind, finishedAt: jobs.finishedAt, lastError: jobs.lastError })
    .from(jobs)
    .where(and(failedMail(dojoId), gt(jobs.finishedAt, new Date(now.getTime() - SHOWN_FOR_MS))))
    .orderBy(desc(jobs.finishedAt))
    .limit(limit);
  const kinds = new Map(MAIL_KINDS.map((k) => [`${MAIL_JOB_PREFIX}${k.name}`, k.name]));
  return rows.map((r) => ({ id: r.id, kind: kinds.get(r.kind) ?? "other", failedAt: r.finishedAt ?? now, error: r.lastError ?? "unknown error" }));
}

/**
 * "Send again" (after correcting an address, say): the same job runs again, so it is still one
 * mail per cause, composed from the data as it is now.
 */
export async function sendMailAgain(db: DbOrTx, dojoId: string, jobId: string, now = new Date()): Promise<void> {
  const [job] = await db
    .update(jobs)
    .set({ status: "queued", attempts: 0, runAt: now, lockedUntil: null, finishedAt: null })
    .where(and(eq(jobs.id, jobId), failedMail(dojoId)))
    .returning({ id: jobs.id });
  if (!job) throw new NotFoundError("Mail");
}
