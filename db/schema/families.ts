import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { members } from "./members";
import { tenantKey, tenantReference } from "./tenant-keys";

// A family groups members under one payer: a member of the dojo (who is then one of the family)
// or a separate contact (a parent who does not train) with a name and an e-mail. The payer's
// Stripe customer is the family's: a member payer's own customer, or the contact's customer here.
export const families = pgTable(
  "families",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    name: text("name").notNull(),
    payerMemberId: uuid("payer_member_id"),
    payerName: text("payer_name"),
    payerEmail: text("payer_email"),
    // Only for a contact payer; a member payer's customer stays on members.stripe_customer_id.
    stripeCustomerId: text("stripe_customer_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("families_dojo_name_idx").on(t.dojoId, t.name),
    unique("families_dojo_stripe_customer_uq").on(t.dojoId, t.stripeCustomerId),
    // A paying member is one of their family's members, and a member is in one family at most.
    unique("families_dojo_payer_member_uq").on(t.dojoId, t.payerMemberId),
    tenantKey("families", t),
    tenantReference("families_payer_member_fk", t.dojoId, t.payerMemberId, members),
    // Exactly one kind of payer: a member, or a contact with both a name and an e-mail.
    check(
      "families_one_payer",
      sql`(${t.payerMemberId} is not null and ${t.payerName} is null and ${t.payerEmail} is null and ${t.stripeCustomerId} is null) or (${t.payerMemberId} is null and ${t.payerName} is not null and ${t.payerEmail} is not null)`,
    ),
  ],
);

// Who belongs to a family: a member belongs to at most one (the unique member_id).
export const familyMembers = pgTable(
  "family_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    familyId: uuid("family_id").notNull(),
    memberId: uuid("member_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("family_members_dojo_member_uq").on(t.dojoId, t.memberId),
    index("family_members_family_idx").on(t.dojoId, t.familyId),
    tenantKey("family_members", t),
    tenantReference("family_members_family_fk", t.dojoId, t.familyId, families),
    tenantReference("family_members_member_fk", t.dojoId, t.memberId, members),
  ],
);

export type Family = typeof families.$inferSelect;
export type FamilyMember = typeof familyMembers.$inferSelect;
