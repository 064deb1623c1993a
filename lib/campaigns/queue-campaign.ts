import type { Tx } from "@/db/client";
import { campaignRecipients, campaigns, type Campaign } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { CAMPAIGN_SEND_JOB } from "@/lib/jobs/kinds";
import { enqueueJob } from "@/lib/jobs/queue";
import { campaignTargets } from "./recipients";
import type { CampaignInput } from "./schemas";

export const BATCH_SIZE = 100;

/**
 * Saves the campaign with one row per recipient (batches cut now, for good) and its send job,
 * in the caller's transaction: either all of it exists or none. Unsubscribed members and
 * members without an e-mail address are recorded as skipped.
 */
export async function queueCampaign(tx: Tx, ctx: { dojoId: string; userId: string | null }, input: CampaignInput, now = new Date()): Promise<Campaign> {
  const targets = await campaignTargets(tx, ctx.dojoId, input.recipients);
  const sendable = targets.filter((t) => !t.skipReason);
  if (sendable.length === 0) {
    throw new ActionError("Nobody to send to: none of the chosen members has an e-mail address and is subscribed.", { recipients: ["No member to send to"] });
  }
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      dojoId: ctx.dojoId,
      subject: input.subject,
      body: input.body,
      recipientFilter: input.recipients,
      status: "queued",
      recipientCount: targets.length,
      skippedCount: targets.length - sendable.length,
      createdBy: ctx.userId,
      createdAt: now,
      queuedAt: now,
    })
    .returning();
  let position = 0;
  const rows = targets.map((t) => ({
    dojoId: ctx.dojoId,
    campaignId: campaign.id,
    memberId: t.memberId,
    email: t.email,
    status: t.skipReason ? ("skipped" as const) : ("queued" as const),
    reason: t.skipReason,
    batchIndex: t.skipReason ? null : Math.floor(position++ / BATCH_SIZE),
  }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(campaignRecipients).values(rows.slice(i, i + 500));
  await enqueueJob(tx, { kind: CAMPAIGN_SEND_JOB, payload: { campaignId: campaign.id }, dojoId: ctx.dojoId, maxAttempts: 8 });
  return campaign;
}
