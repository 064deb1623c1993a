import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Kept in the database so throttling holds across app instances and restarts.
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // "staff:<email>" or "member:<UID>"
    identifier: text("identifier").notNull(),
    ip: text("ip").notNull(),
    success: boolean("success").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_identifier_idx").on(t.identifier, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);
