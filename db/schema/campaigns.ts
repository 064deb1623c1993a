import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { members } from "./members";
import { staffUsers } from "./staff";
import { tenantKey, tenantReference } from "./tenant-keys";

export const campaignStatusEnum = pgEnum("campaign_status", ["draft", "queued", "sending", "sent", "failed"]);
export const campaignRecipientStatusEnum = pgEnum("campaign_recipient_status", ["queued", "sent", "failed", "skipped"]);

/** Who a campaign goes to, as chosen in the compose form (kept for the history). */
export type RecipientFilter =
  | { kind: "all" }
  // subscribedTo: "any" plan, one plan's id, or null for no condition on subscriptions.
  // familyPayers: only members who pay for a family (absent in filters saved before families).
  | { kind: "filter"; status: "active" | "inactive" | "all"; noCard: boolean; openInvoices: boolean; subscribedTo?: string | null; familyPayers?: boolean } // subscribedTo: a plan id, "any" or "paused"
  | { kind: "picked"; memberIds: string[] };

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    subject: text("subject").notNull(),
    // Markdown with merge codes; rendered per recipient when its batch is sent.
    body: text("body").notNull(),
    recipientFilter: jsonb("recipient_filter").$type<RecipientFilter>().notNull(),
    status: campaignStatusEnum("status").notNull().default("draft"),
    recipientCount: integer("recipient_count").notNull().default(0),
    sentCount: integer("sent_count").notNull().default(0),
    failedCount: integer("failed_count").notNull().default(0),
    skippedCount: integer("skipped_count").notNull().default(0),
    lastError: text("last_error"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("campaigns_dojo_created_idx").on(t.dojoId, t.createdAt), tenantKey("campaigns", t), tenantReference("campaigns_created_by_fk", t.dojoId, t.createdBy, staffUsers)],
);

// One row per member a campaign was meant for, written when it is queued: the batch a recipient
// belongs to is fixed then, so a batch re-sent after a restart has the same idempotency key and
// the same mails, and Resend replays its first answer instead of sending again.
export const campaignRecipients = pgTable(
  "campaign_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    campaignId: uuid("campaign_id").notNull(),
    memberId: uuid("member_id").notNull(),
    email: text("email"),
    status: campaignRecipientStatusEnum("status").notNull(),
    reason: text("reason"),
    // Position among the sendable recipients / 100; null for skipped ones.
    batchIndex: integer("batch_index"),
    providerMessageId: text("provider_message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    unique("campaign_recipients_campaign_member_uq").on(t.campaignId, t.memberId),
    index("campaign_recipients_batch_idx").on(t.campaignId, t.batchIndex, t.status),
    tenantKey("campaign_recipients", t),
    tenantReference("campaign_recipients_campaign_fk", t.dojoId, t.campaignId, campaigns),
    tenantReference("campaign_recipients_member_fk", t.dojoId, t.memberId, members),
  ],
);

// Members who clicked "unsubscribe" in a campaign mail. Transactional mail still goes to them.
export const emailOptOuts = pgTable(
  "email_opt_outs",
  {
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    memberId: uuid("member_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dojoId, t.memberId] }), tenantReference("email_opt_outs_member_fk", t.dojoId, t.memberId, members)],
);

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignStatus = (typeof campaignStatusEnum.enumValues)[number];
export type CampaignRecipient = typeof campaignRecipients.$inferSelect;
export type CampaignRecipientStatus = (typeof campaignRecipientStatusEnum.enumValues)[number];
