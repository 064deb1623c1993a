import type { Db, Tx } from "@/db/client";

/** Work that must wait until a transaction has committed: a Stripe call or a mail about what it stored. */
export type AfterCommitWork = (db: Db) => Promise<unknown>;
export type AfterCommit = (work: AfterCommitWork) => void;

/** Runs queued follow-ups one after the other; a failure is logged, the committed change stands. */
export async function runAfterCommit(db: Db, work: AfterCommitWork[], what = "a transaction"): Promise<void> {
  for (const step of work) {
    try {
      await step(db);
    } catch (error) {
      console.error(`Follow-up of ${what} failed`, error);
    }
  }
}

/**
 * One transaction, then the work it queued with `afterCommit`, once it has committed (never after
 * a rollback). Work that must happen whatever becomes of this process is also enqueued as a job in
 * the transaction (lib/jobs); the follow-up only does it sooner.
 */
export async function transactionThen<T>(db: Db, fn: (tx: Tx, afterCommit: AfterCommit) => Promise<T>): Promise<T> {
  const queued: AfterCommitWork[] = [];
  const result = await db.transaction(async (tx) => {
    // A retried transaction callback starts from nothing.
    queued.length = 0;
    return fn(tx, (work) => queued.push(work));
  });
  await runAfterCommit(db, queued);
  return result;
}
