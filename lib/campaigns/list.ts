import { and, asc, count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { campaignRecipients, campaigns, members, staffUsers, type CampaignRecipientStatus } from "@/db/schema";
import { PAGE_SIZE } from "@/lib/pagination";

/** The dojo's campaigns, newest first. */
export async function listCampaigns(db: DbOrTx, dojoId: string, page = 1) {
  const where = eq(campaigns.dojoId, dojoId);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: campaigns.id,
        subject: campaigns.subject,
        status: campaigns.status,
        recipientCount: campaigns.recipientCount,
        sentCount: campaigns.sentCount,
        failedCount: campaigns.failedCount,
        skippedCount: campaigns.skippedCount,
        createdAt: campaigns.createdAt,
        createdBy: staffUsers.name,
      })
      .from(campaigns)
      .leftJoin(staffUsers, eq(staffUsers.id, campaigns.createdBy))
      .where(where)
      .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(campaigns).where(where),
  ]);
  return { rows, total, page, pageSize: PAGE_SIZE };
}

export async function getCampaign(db: DbOrTx, dojoId: string, id: string) {
  const [row] = await db
    .select({ campaign: campaigns, createdBy: staffUsers.name })
    .from(campaigns)
    .leftJoin(staffUsers, eq(staffUsers.id, campaigns.createdBy))
    .where(and(eq(campaigns.id, id), eq(campaigns.dojoId, dojoId)));
  return row ?? null;
}

/** One page of a campaign's recipients with their status, optionally of one status. */
export async function listCampaignRecipients(db: DbOrTx, dojoId: string, campaignId: string, opts: { status?: CampaignRecipientStatus | null; page?: number } = {}) {
  const page = Math.max(1, opts.page ?? 1);
  const where = and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.dojoId, dojoId), opts.status ? eq(campaignRecipients.status, opts.status) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: campaignRecipients.id,
        memberId: campaignRecipients.memberId,
        firstName: members.firstName,
        lastName: members.lastName,
        email: campaignRecipients.email,
        status: campaignRecipients.status,
        reason: campaignRecipients.reason,
        providerMessageId: campaignRecipients.providerMessageId,
        sentAt: campaignRecipients.sentAt,
      })
      .from(campaignRecipients)
      // The members by the dojo's name index (members_dojo_name_idx), each looked up in the campaign
      // (campaign_recipients_campaign_member_uq): a page reads 25 recipients, not the campaign's
      // thousands sorted by name. Without the dojo on the members the planner cannot walk that index.
      .innerJoin(members, and(eq(members.id, campaignRecipients.memberId), eq(members.dojoId, dojoId)))
      .where(where)
      .orderBy(asc(members.lastName), asc(members.firstName), asc(campaignRecipients.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(campaignRecipients).where(where),
  ]);
  return { rows, total, page, pageSize: PAGE_SIZE };
}
