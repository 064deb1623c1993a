import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";

export const jobStatusEnum = pgEnum("job_status", ["queued", "done", "failed"]);

// The background job queue (lib/jobs/): a worker claims a due job with FOR UPDATE SKIP LOCKED
// and holds it by a lease (locked_until) it extends while working, so a job whose worker died
// is picked up again when the lease runs out. `dedupe_key` makes enqueuing idempotent: a
// second job for the same cause (the same mail, say) is not inserted.
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").references(() => dojos.id),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: jobStatusEnum("status").notNull().default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lastError: text("last_error"),
    dedupeKey: text("dedupe_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_due_idx").on(t.status, t.runAt), index("jobs_dojo_status_idx").on(t.dojoId, t.status)],
);

export type Job = typeof jobs.$inferSelect;
