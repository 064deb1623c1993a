import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// Kept in the database so throttling holds across app instances and restarts. One row per key
// ("login-pair:<account>|<address>", "login-ip:<address>", "signup-ip:<address>", ...): a fixed
// window and the attempts counted in it, incremented by one INSERT … ON CONFLICT DO UPDATE
// whose row lock serialises concurrent attempts (lib/auth/throttle.ts).
export const throttleCounters = pgTable("throttle_counters", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});

// Addresses an account has logged in from: the per-account ceiling (a distributed attack on
// one account) does not apply to them, so an attacker cannot keep the real user out.
export const knownLoginAddresses = pgTable(
  "known_login_addresses",
  {
    // "staff:<email>" or "member:<UID>"
    identifier: text("identifier").notNull(),
    ip: text("ip").notNull(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.ip] })],
);
