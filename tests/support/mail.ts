import { and, asc, eq, like } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobs } from "@/db/schema";
import { MAIL_JOB_PREFIX } from "@/lib/jobs/queue";
import { runDueJobs } from "@/lib/jobs/worker";

const queuedMail = and(eq(jobs.status, "queued"), like(jobs.kind, `${MAIL_JOB_PREFIX}%`));

/** The queued mail jobs of this test file's database, soonest first. */
export async function queuedMailJobs() {
  return (await getDb()).select().from(jobs).where(queuedMail).orderBy(asc(jobs.runAt));
}

/**
 * Runs the mail queue until it is empty, as the app's worker does: every queued mail is sent (or
 * has failed for good). Resend's rate limit (the emulator counts real seconds) is waited out for
 * real; a mail still failing after `timeoutMs` fails the test with its error instead of hanging it.
 */
export async function deliverMail(timeoutMs = 20_000): Promise<void> {
  const db = await getDb();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runDueJobs(db, { lane: "mail" });
    const [next] = await queuedMailJobs();
    if (!next) return;
    const wait = next.runAt.getTime() - Date.now();
    if (Date.now() + wait > deadline) throw new Error(`Mail job ${next.kind} ${next.id} still queued after ${next.attempts} attempt(s): ${next.lastError}`);
    await new Promise((r) => setTimeout(r, Math.max(20, wait)));
  }
}
