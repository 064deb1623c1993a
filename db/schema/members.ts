import { date, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { dojos } from "./dojos";
import { tenantKey } from "./tenant-keys";

export const memberStatusEnum = pgEnum("member_status", ["active", "inactive"]);

export const members = pgTable(
  "members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    // Unique across all dojos: members log into the members area with it alone.
    uid: varchar("uid", { length: 7 }).notNull().unique(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    birthDate: date("birth_date"),
    address: text("address"),
    notes: text("notes"),
    // The member's language for pages and mails (lib/i18n/locales.ts); null = the dojo's default.
    language: varchar("language", { length: 5 }),
    status: memberStatusEnum("status").notNull().default("active"),
    passwordHash: text("password_hash"),
    // The member's customer in the dojo's Stripe account, linked at most once per dojo.
    stripeCustomerId: text("stripe_customer_id"),
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("members_dojo_name_idx").on(t.dojoId, t.lastName, t.firstName),
    index("members_dojo_status_idx").on(t.dojoId, t.status),
    // The members list's search (lib/members/list.ts): both full names, e-mail and UID, by trigram.
    index("members_search_trgm_idx").using(
      "gin",
      sql`(${t.firstName} || ' ' || ${t.lastName}) gin_trgm_ops`,
      sql`(${t.lastName} || ' ' || ${t.firstName}) gin_trgm_ops`,
      t.email.op("gin_trgm_ops"),
      t.uid.op("gin_trgm_ops"),
    ),
    unique("members_dojo_stripe_customer_uq").on(t.dojoId, t.stripeCustomerId),
    tenantKey("members", t),
  ],
);

export type Member = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type MemberStatus = (typeof memberStatusEnum.enumValues)[number];
