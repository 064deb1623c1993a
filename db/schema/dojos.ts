import { boolean, integer, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";

export const planEnum = pgEnum("plan", ["basic", "pro", "ultimate"]);

export const dojos = pgTable("dojos", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: varchar("slug", { length: 48 }).notNull().unique(),
  currency: varchar("currency", { length: 3 }).notNull(),
  plan: planEnum("plan").notNull().default("basic"),
  // IANA name: every moment the dojo's pages, mails and documents show is on this zone's clock
  // (lib/dates.ts). Sign-up takes the browser's; dojos from before the setting keep UTC.
  timeZone: text("time_zone").notNull().default("UTC"),
  // The language of member pages and mails for members who chose none (lib/i18n/locales.ts).
  defaultLanguage: varchar("default_language", { length: 5 }).notNull().default("en"),
  // Whether members may pause (and resume) their own subscription in the members area.
  membersMayPause: boolean("members_may_pause").notNull().default(false),
  // Family discount: this percentage off every subscription of a family's second and later
  // subscribed member (0 = none), applied when the subscription is created (lib/families/discount.ts).
  familyDiscountPercent: integer("family_discount_percent").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// What a bookkeeper needs on an invoice about the seller, edited by the owner in Settings →
// Dojo profile. One row per dojo, created on first save; every field is optional so a dojo
// that never fills it in still prints invoices (with its name only).
export const dojoProfiles = pgTable("dojo_profiles", {
  dojoId: uuid("dojo_id").primaryKey().references(() => dojos.id),
  legalName: text("legal_name"),
  address: text("address"),
  email: text("email"),
  phone: text("phone"),
  vatNumber: varchar("vat_number", { length: 32 }),
  companyNumber: varchar("company_number", { length: 32 }),
  bankAccountHolder: text("bank_account_holder"),
  iban: varchar("iban", { length: 34 }),
  bic: varchar("bic", { length: 11 }),
  invoiceFooter: text("invoice_footer"),
  logo: bytea("logo"),
  logoType: varchar("logo_type", { length: 16 }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Dojo = typeof dojos.$inferSelect;
export type DojoProfile = typeof dojoProfiles.$inferSelect;
export type NewDojo = typeof dojos.$inferInsert;
export type Plan = (typeof planEnum.enumValues)[number];
