import { check, index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { dojos } from "./dojos";
import { families } from "./families";
import { members } from "./members";
import { staffUsers } from "./staff";
import { tenantKey, tenantReference } from "./tenant-keys";

// A member's "add your card" link. The URL token is `<id>.<signature>` (lib/card-links/token.ts),
// so staff can copy the same link again and campaigns can put it in each e-mail; "New link"
// revokes the old row. At most one live link per member. A family whose payer is a contact (no
// member, no login) has a link of its own: it adds a card to the family's Stripe customer.
export const cardLinks = pgTable(
  "card_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    memberId: uuid("member_id"),
    familyId: uuid("family_id"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("card_links_member_live_uq").on(t.memberId).where(sql`${t.revokedAt} is null`),
    uniqueIndex("card_links_family_live_uq").on(t.dojoId, t.familyId).where(sql`${t.revokedAt} is null`),
    tenantReference("card_links_family_fk", t.dojoId, t.familyId, families),
    check("card_links_one_holder", sql`(${t.memberId} is null) <> (${t.familyId} is null)`),
    index("card_links_dojo_idx").on(t.dojoId),
    tenantKey("card_links", t),
    tenantReference("card_links_member_fk", t.dojoId, t.memberId, members),
    tenantReference("card_links_created_by_fk", t.dojoId, t.createdBy, staffUsers),
  ],
);

export type CardLink = typeof cardLinks.$inferSelect;
