import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// A sign-up waiting for its e-mail address to be confirmed. The form answers the same whether
// or not the address has an account; the mail tells which (lib/dojos/signup-request.ts). The
// dojo and its owner are created only when the link in the mail is followed.
export const signupRequests = pgTable(
  "signup_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    dojoName: text("dojo_name").notNull(),
    slug: text("slug").notNull(),
    currency: text("currency").notNull(),
    ownerName: text("owner_name").notNull(),
    // The browser's time zone at sign-up, which the dojo starts with.
    timeZone: text("time_zone").notNull().default("Europe/Amsterdam"),
    // Null when the address already had an account: that mail offers to log in instead.
    passwordHash: text("password_hash"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("signup_requests_email_idx").on(t.email)],
);
