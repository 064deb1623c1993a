import "server-only";
import { and, asc, eq, min, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { campaignRecipients, campaigns, cardLinks, dojos, members } from "@/db/schema";
import { env } from "@/lib/env";
import { sendBatch, type BatchMail } from "@/lib/mail/batch";
import { resolveLocale, type Locale } from "@/lib/i18n/locales";
import { compileCampaignTemplate, composeCampaignMails, type CampaignTemplate } from "./campaign-template";
import { mergeValuesForMany } from "./merge-values";

export interface SendCampaignOptions {
  /** Requests per second to Resend (default MAIL_RATE_PER_SECOND). */
  ratePerSecond?: number;
  /** Called between steps (lease renewal); may throw to stop, e.g. when the worker shuts down. */
  heartbeat?: () => Promise<void>;
  /** Test hooks: after Resend accepted a batch but before it is recorded, and after it is recorded. */
  afterSend?: (batchIndex: number) => void | Promise<void>;
  afterCommit?: (batchIndex: number) => void | Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_SLOWDOWN_MS = 10_000;
const MAX_RATE_LIMITS_IN_A_ROW = 20;
// Resend's 409: a batch with this key was sent with other content. It may have been delivered
// (before a crash, with the old content), so it is not sent again.
const UNCERTAIN = "Not sent again: this batch may already have been delivered before a restart, and its content changed since.";

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resend's key for one batch: the same after any restart, so a repeat is replayed, not sent. */
export function batchIdempotencyKey(campaignId: string, batchIndex: number): string {
  return `campaign-${campaignId}-batch-${batchIndex}`;
}

async function refreshCounts(db: Db, campaignId: string) {
  await db
    .update(campaigns)
    .set({
      sentCount: sql`(select count(*) from ${campaignRecipients} where ${campaignRecipients.campaignId} = ${campaignId} and ${campaignRecipients.status} = 'sent')`,
      failedCount: sql`(select count(*) from ${campaignRecipients} where ${campaignRecipients.campaignId} = ${campaignId} and ${campaignRecipients.status} = 'failed')`,
    })
    .where(eq(campaigns.id, campaignId));
}

async function markBatch(db: Db, campaignId: string, batchIndex: number, result: { ids: string[]; recipientIds: string[] } | { failed: string }) {
  await db.transaction(async (tx) => {
    if ("failed" in result) {
      await tx
        .update(campaignRecipients)
        .set({ status: "failed", reason: result.failed })
        .where(and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.batchIndex, batchIndex), eq(campaignRecipients.status, "queued")));
    } else {
      const sentAt = new Date();
      for (let i = 0; i < result.recipientIds.length; i++) {
        await tx
          .update(campaignRecipients)
          .set({ status: "sent", providerMessageId: result.ids[i] ?? null, sentAt, reason: null })
          .where(eq(campaignRecipients.id, result.recipientIds[i]));
      }
    }
    await refreshCounts(tx as unknown as Db, campaignId);
  });
}

/**
 * The live card link of every recipient still to send to, created in one statement before the
 * first batch (a batch then only reads them). A member who already has one keeps it.
 */
export async function createCampaignCardLinks(db: DbOrTx, campaign: { id: string; dojoId: string }): Promise<void> {
  await db.execute(sql`
    insert into ${cardLinks} (dojo_id, member_id)
    select r.dojo_id, r.member_id from ${campaignRecipients} r
    where r.campaign_id = ${campaign.id} and r.dojo_id = ${campaign.dojoId} and r.status = 'queued'
      and not exists (select 1 from ${cardLinks} l where l.dojo_id = r.dojo_id and l.member_id = r.member_id and l.revoked_at is null)
    on conflict do nothing`);
}

/**
 * Sends a queued campaign batch by batch through Resend's batch API, paced under the rate limit.
 * Each batch is recorded as sent (with Resend's message ids) right after Resend accepts it; a
 * crash in between is covered by the batch's idempotency key. Safe to run again at any point.
 * Throws on a transient failure so the job queue retries later.
 */
export async function sendCampaign(db: Db, campaignId: string, opts: SendCampaignOptions = {}): Promise<void> {
  const sleep = opts.sleep ?? defaultSleep;
  let intervalMs = 1000 / (opts.ratePerSecond ?? env().MAIL_RATE_PER_SECOND);
  let lastCallAt = 0;
  let rateLimitedInARow = 0;

  const [row] = await db.select({ campaign: campaigns, dojoName: dojos.name, defaultLanguage: dojos.defaultLanguage }).from(campaigns).innerJoin(dojos, eq(dojos.id, campaigns.dojoId)).where(eq(campaigns.id, campaignId));
  if (!row || row.campaign.status === "sent" || row.campaign.status === "failed" || row.campaign.status === "draft") return;
  const { campaign, dojoName } = row;
  const dojo = { id: campaign.dojoId, name: dojoName };
  if (campaign.status === "queued") await db.update(campaigns).set({ status: "sending" }).where(eq(campaigns.id, campaignId));
  // Rendered once per language for the whole run; each batch only merges its recipients' values in.
  const templates = new Map<Locale, Promise<CampaignTemplate>>();
  const templateIn = (locale: Locale) => templates.get(locale) ?? templates.set(locale, compileCampaignTemplate(campaign, dojoName, locale)).get(locale)!;
  await createCampaignCardLinks(db, campaign);

  for (;;) {
    await opts.heartbeat?.();
    const [{ next }] = await db
      .select({ next: min(campaignRecipients.batchIndex) })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.status, "queued")));
    if (next === null) break;

    const recipients = await db
      .select({ id: campaignRecipients.id, memberId: campaignRecipients.memberId, email: campaignRecipients.email, firstName: members.firstName, lastName: members.lastName, uid: members.uid, language: members.language })
      .from(campaignRecipients)
      .innerJoin(members, eq(members.id, campaignRecipients.memberId))
      .where(and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.batchIndex, next), eq(campaignRecipients.status, "queued")))
      .orderBy(asc(campaignRecipients.id));
    const mails: BatchMail[] = [];
    for (const r of await mergeValuesForMany(db, dojo, recipients)) {
      const template = await templateIn(resolveLocale(r.language, row.defaultLanguage));
      mails.push(...(await composeCampaignMails(template, [{ memberId: r.memberId, email: r.email!, values: r.values }])));
    }

    const wait = lastCallAt + intervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    lastCallAt = Date.now();
    const result = await sendBatch(mails, batchIdempotencyKey(campaignId, next));

    if (result.kind === "rate-limited") {
      // Resend says slow down: wait as told, halve our pace for the rest of the run, same batch again.
      if (++rateLimitedInARow > MAX_RATE_LIMITS_IN_A_ROW) throw new Error("Resend kept answering 429 (rate limit); trying again later.");
      intervalMs = Math.min(MAX_SLOWDOWN_MS, intervalMs * 2);
      await sleep(result.retryAfterMs);
      continue;
    }
    rateLimitedInARow = 0;
    if (result.kind === "error") {
      if (!result.permanent) throw new Error(result.message);
      await markBatch(db, campaignId, next, { failed: result.message.startsWith("invalid_idempotent_request") ? UNCERTAIN : result.message });
      continue;
    }
    await opts.afterSend?.(next);
    await markBatch(db, campaignId, next, { ids: result.ids, recipientIds: recipients.map((r) => r.id) });
    await opts.afterCommit?.(next);
  }

  await db.update(campaigns).set({ status: "sent", finishedAt: new Date() }).where(eq(campaigns.id, campaignId));
  await refreshCounts(db, campaignId);
}

/** When the job gives up: whatever was not sent is marked failed with the last error. */
export async function failCampaign(db: Db, campaignId: string, error: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(campaignRecipients)
      .set({ status: "failed", reason: `Not sent: ${error}` })
      .where(and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.status, "queued")));
    await tx.update(campaigns).set({ status: "failed", lastError: error, finishedAt: new Date() }).where(eq(campaigns.id, campaignId));
    await refreshCounts(tx as unknown as Db, campaignId);
  });
}
