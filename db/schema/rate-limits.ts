import { doublePrecision, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Token buckets for limits on public actions (lib/security/rate-limit.ts): one row per key
// ("shop-order:<dojo>:ip:<address>", …). Kept in the database so a limit holds across app
// instances and restarts; a single upsert decides and records each attempt.
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text("key").primaryKey(),
    tokens: doublePrecision("tokens").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limit_buckets_updated_idx").on(t.updatedAt)],
);
