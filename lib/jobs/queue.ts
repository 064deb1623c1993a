import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { insertWhere } from "@/db/insert-where";
import { jobs, type Job } from "@/db/schema";

/*
 * Why our own queue table and not pg-boss: pg-boss needs a real PostgreSQL connection of its own,
 * while the zero-config default is embedded PGlite (one process, one connection). One small table
 * works the same on both, lives in the Drizzle migrations, and — what matters most — a job is
 * enqueued in the SAME transaction as the domain change that asks for it (a campaign is queued
 * and its job exists, or neither), which pg-boss on a separate connection cannot do.
 * Claiming uses FOR UPDATE SKIP LOCKED plus a lease, so several app instances on one PostgreSQL
 * share the work and a job whose worker died is taken up again once its lease has run out.
 */

export const LEASE_MS = 30_000;

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  dojoId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  /** At most one job ever per key: enqueuing it again (a repeated webhook, a second tab) adds nothing. */
  dedupeKey?: string;
}

/**
 * The insert that queues a job, not yet sent: enqueueJob sends it alone, a caller that writes
 * something else in the same statement (storePayment) sends it as a WITH clause of that statement;
 * with `onlyIf`, it queues nothing when that condition is false.
 */
export function jobInsert(db: DbOrTx, input: NewJob, onlyIf?: SQL) {
  const values = { kind: input.kind, payload: input.payload, dojoId: input.dojoId ?? null, runAt: input.runAt ?? new Date(), maxAttempts: input.maxAttempts ?? 5, dedupeKey: input.dedupeKey ?? null };
  return (
    (onlyIf ? insertWhere(db, jobs, values, onlyIf) : db.insert(jobs).values(values))
      // A concurrent transaction with the same key waits for this one and then inserts nothing.
      .onConflictDoNothing({ target: jobs.dedupeKey })
  );
}

/** Queues a job in the caller's transaction; null when a job with the same dedupe key exists. */
export async function enqueueJob(db: DbOrTx, input: NewJob): Promise<Job | null> {
  const [job] = await jobInsert(db, input).returning();
  return job ?? null;
}

/**
 * For periodic work: queues a job of this kind at `runAt` unless one is already waiting, so
 * several instances starting (or each run scheduling its successor) keep a single chain.
 */
export async function scheduleOnce(db: DbOrTx, kind: string, runAt: Date, opts: { after?: string } = {}): Promise<void> {
  // A run scheduling its successor is itself still queued until it completes: `after` skips it.
  const others = opts.after ? sql` and ${jobs.id} <> ${opts.after}` : sql``;
  await db.execute(sql`
    insert into ${jobs} (kind, payload, run_at, max_attempts)
    select ${kind}, '{}'::jsonb, ${runAt.toISOString()}::timestamptz, 3
    where not exists (select 1 from ${jobs} where ${jobs.kind} = ${kind} and ${jobs.status} = 'queued'${others})`);
}

/**
 * Which jobs a worker loop takes. Mail has a lane of its own so a receipt never waits behind a
 * long campaign or a reconciliation run.
 */
export type Lane = "mail" | "other";
export const MAIL_JOB_PREFIX = "mail.";

function laneFilter(lane: Lane | undefined) {
  if (lane === "mail") return sql` and ${jobs.kind} like ${`${MAIL_JOB_PREFIX}%`}`;
  if (lane === "other") return sql` and ${jobs.kind} not like ${`${MAIL_JOB_PREFIX}%`}`;
  return sql``;
}

/** Takes the next due job (if any, of the lane) and leases it to the caller; counts the attempt. */
export async function claimJob(db: DbOrTx, now = new Date(), lane?: Lane): Promise<Job | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await db.execute<{ id: string }>(sql`
    update ${jobs} set locked_until = ${leaseUntil.toISOString()}::timestamptz, attempts = ${jobs.attempts} + 1
    where ${jobs.id} = (
      select id from ${jobs}
      where ${jobs.status} = 'queued' and ${jobs.runAt} <= ${now.toISOString()}::timestamptz
        and (${jobs.lockedUntil} is null or ${jobs.lockedUntil} < ${now.toISOString()}::timestamptz)${laneFilter(lane)}
      order by ${jobs.runAt}
      limit 1
      for update skip locked
    )
    returning id`);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { id: string }[] }).rows;
  const id = list[0]?.id;
  if (!id) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}

/** A long job calls this between steps so nobody else takes it over. */
export async function extendLease(db: DbOrTx, jobId: string, now = new Date()): Promise<void> {
  await db.update(jobs).set({ lockedUntil: new Date(now.getTime() + LEASE_MS) }).where(and(eq(jobs.id, jobId), eq(jobs.status, "queued")));
}

export async function completeJob(db: DbOrTx, jobId: string): Promise<void> {
  await db.update(jobs).set({ status: "done", lockedUntil: null, finishedAt: new Date() }).where(eq(jobs.id, jobId));
}

/** The default retry schedule: 2 s, 4 s, 8 s … doubling up to 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 2_000 * 2 ** (Math.max(1, attempts) - 1));
}

export interface FailOptions {
  now?: Date;
  /** When to try again (default: backoffMs of the attempts made). */
  retryInMs?: number;
  /** Give up now, whatever the attempts left (a permanent error). */
  giveUp?: boolean;
  /** The attempt does not count towards maxAttempts (the service asked us to wait: a 429). */
  refundAttempt?: boolean;
}

/** Retries later, or gives up after maxAttempts (or at once when told); returns whether it gave up. */
export async function failJob(db: DbOrTx, job: Job, error: string, opts: FailOptions = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  const attempts = opts.refundAttempt ? job.attempts - 1 : job.attempts;
  const giveUp = opts.giveUp || attempts >= job.maxAttempts;
  const retryAt = new Date(now.getTime() + (opts.retryInMs ?? backoffMs(attempts)));
  await db
    .update(jobs)
    .set(giveUp ? { status: "failed", attempts, lastError: error, lockedUntil: null, finishedAt: now } : { attempts, lastError: error, lockedUntil: null, runAt: retryAt })
    .where(eq(jobs.id, job.id));
  return giveUp;
}
