import { pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

export const planEnum = pgEnum("plan", ["basic", "pro", "ultimate"]);

export const dojos = pgTable("dojos", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: varchar("slug", { length: 48 }).notNull().unique(),
  currency: varchar("currency", { length: 3 }).notNull(),
  plan: planEnum("plan").notNull().default("basic"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Dojo = typeof dojos.$inferSelect;
export type NewDojo = typeof dojos.$inferInsert;
export type Plan = (typeof planEnum.enumValues)[number];
