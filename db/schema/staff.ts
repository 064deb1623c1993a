import { index, integer, pgEnum, pgTable, text, timestamp, uuid, boolean, varchar } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { tenantKey, tenantReference } from "./tenant-keys";

export const roleEnum = pgEnum("staff_role", ["owner", "manager", "staff"]);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    // Staff log in with e-mail alone, so an address belongs to one staff account across all dojos.
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    // Bumped on logout, password change and deactivation: sessions carrying an older value die.
    sessionVersion: integer("session_version").notNull().default(1),
    active: boolean("active").notNull().default(true),
    // The dashboard's language ("en" | "nl"); null follows the dojo's default language where the dashboard has it.
    language: varchar("language", { length: 5 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_users_dojo_idx").on(t.dojoId), tenantKey("staff_users", t)],
);

export const staffInvitations = pgTable(
  "staff_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    // Only a hash is stored: the token itself exists in the link alone.
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_invitations_dojo_idx").on(t.dojoId), tenantKey("staff_invitations", t), tenantReference("staff_invitations_invited_by_fk", t.dojoId, t.invitedBy, staffUsers)],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type NewStaffUser = typeof staffUsers.$inferInsert;
export type StaffInvitation = typeof staffInvitations.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
