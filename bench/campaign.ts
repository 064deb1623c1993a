// A campaign: queue 10,000 personalised e-mails (one recipient row each, batches cut, send job
// enqueued) and render every one of them as the sender does (card links created per batch, the
// campaign's template rendered once through React Email and merged per recipient, HTML and
// text): time and peak memory. Nothing is sent. The floor beside it: the old way, one React
// render per recipient, timed on a sample (BENCH_OLD_SAMPLE, default 300) in the same run.
// Run: npm run bench:campaign   (BENCH_RECIPIENTS to change)
import os from "node:os";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { asc, eq } from "drizzle-orm";
import { campaignRecipients, dojos, members } from "@/db/schema";
import { newUid } from "@/lib/members/uid";
import { queueCampaign } from "@/lib/campaigns/queue-campaign";
import { mergeValuesFor, mergeValuesForMany } from "@/lib/campaigns/merge-values";
import { composeCampaignMail } from "@/lib/campaigns/compose-mail";
import { compileCampaignTemplate, composeCampaignMails } from "@/lib/campaigns/campaign-template";
import { createCampaignCardLinks } from "@/lib/campaigns/send-campaign";
import type { Db } from "@/db/client";
import { freshDatabase, machine, printTable } from "./support";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const OLD_SAMPLE = Number(process.env.BENCH_OLD_SAMPLE ?? 300);
const GOAL_S = 5;
const GOAL_MB = 300;
const BODY = `Hello {firstname},

Our **summer camp** starts on 1 July. Your UID is {uid}; sign in at {portallink}.

To pay the camp fee automatically, [add your card here]({stripecardlink}).

See you on the mat,
{dojoname}`;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function main() {
  process.env.APP_URL ??= "http://localhost:3000";
  const database = await freshDatabase("campaign");
  const sql = postgres(database.url, { max: 4, onnotice: () => {} });
  const db = drizzle(sql) as unknown as Db;
  try {
    const [dojo] = await db.insert(dojos).values({ name: "Campaign Dojo", slug: `campaign-${Date.now()}`, currency: "EUR", plan: "ultimate" }).returning();
    const uids = new Set<string>();
    while (uids.size < RECIPIENTS) uids.add(newUid());
    const rows = [...uids].map((uid, i) => ({ dojoId: dojo.id, uid, firstName: `First${i}`, lastName: `Last${i}`, email: `member${i}@campaign.test` }));
    for (let i = 0; i < rows.length; i += 1000) await db.insert(members).values(rows.slice(i, i + 1000));
    const baseline = process.memoryUsage().rss;
    peakRss = baseline;

    const queueStart = performance.now();
    const campaign = await db.transaction((tx) => queueCampaign(tx, { dojoId: dojo.id, userId: null }, { subject: "Summer camp, {firstname}", body: BODY, recipients: { kind: "all" } }));
    const queueMs = performance.now() - queueStart;

    const recipients = await db
      .select({ memberId: campaignRecipients.memberId, email: campaignRecipients.email, firstName: members.firstName, lastName: members.lastName, uid: members.uid })
      .from(campaignRecipients)
      .innerJoin(members, eq(members.id, campaignRecipients.memberId))
      .where(eq(campaignRecipients.campaignId, campaign.id))
      .orderBy(asc(campaignRecipients.batchIndex));
    const renderStart = performance.now();
    let bytes = 0;
    // Batch by batch, as the sender does: the template once, then a batch of mails is kept, then dropped.
    const template = await compileCampaignTemplate(campaign, dojo.name, "en");
    const linksStart = performance.now();
    await createCampaignCardLinks(db, campaign);
    let linksMs = performance.now() - linksStart;
    for (let i = 0; i < recipients.length; i += 100) {
      const batchStart = performance.now();
      const withValues = await mergeValuesForMany(db, dojo, recipients.slice(i, i + 100));
      linksMs += performance.now() - batchStart;
      const batch = await composeCampaignMails(
        template,
        withValues.map((r) => ({ memberId: r.memberId, email: r.email!, values: r.values })),
      );
      bytes += batch.reduce((n, m) => n + m.html.length + m.text.length, 0);
    }
    const renderMs = performance.now() - renderStart;
    const peakAfterNew = peakRss;

    // The old way on a sample, for the ratio: one card-link query and one React render per recipient.
    const sample = recipients.slice(0, OLD_SAMPLE);
    const oldStart = performance.now();
    for (const r of sample) {
      const values = await mergeValuesFor(db, dojo, { ...r, email: r.email });
      await composeCampaignMail(campaign, dojo.name, { memberId: r.memberId, email: r.email! }, values, "en");
    }
    const oldPerMail = (performance.now() - oldStart) / Math.max(1, sample.length);
    const oldMs = oldPerMail * RECIPIENTS;
    const totalS = (queueMs + renderMs) / 1000;

    console.log(`\nMachine: ${machine()} · load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} · ${new Date().toISOString()}`);
    printTable(`A campaign to ${RECIPIENTS} members (PostgreSQL; nothing sent)`, [
      { measure: "queue: recipients + batches + job, one transaction", value: `${(queueMs / 1000).toFixed(2)} s`, floor: "", goal: "" },
      { measure: "render: card links + template once + merge", value: `${(renderMs / 1000).toFixed(2)} s`, floor: `old way ${(oldMs / 1000).toFixed(1)} s (${OLD_SAMPLE} timed, ×${(RECIPIENTS / Math.max(1, sample.length)).toFixed(0)}): ${(oldMs / renderMs).toFixed(0)}× slower`, goal: "" },
      { measure: "  of which card links (all created at once, read 100 a batch)", value: `${(linksMs / 1000).toFixed(2)} s`, floor: "", goal: "" },
      { measure: `  of which merging ${RECIPIENTS} mails into the template`, value: `${((renderMs - linksMs) / 1000).toFixed(2)} s`, floor: "", goal: "" },
      { measure: "queued and rendered", value: `${totalS.toFixed(2)} s`, floor: "", goal: `≤ ${GOAL_S} s ${totalS <= GOAL_S ? "met" : "NOT met"}` },
      { measure: "render rate", value: `${((RECIPIENTS / renderMs) * 1000).toFixed(0)} mails/s`, floor: `old way ${(1000 / oldPerMail).toFixed(0)} mails/s`, goal: "" },
      { measure: "average mail size (HTML + text)", value: `${(bytes / RECIPIENTS / 1024).toFixed(1)} KiB`, floor: "", goal: "" },
      { measure: "peak RSS (process) through queue + render", value: mb(peakAfterNew), floor: "", goal: `≤ ${GOAL_MB} MB ${peakAfterNew / 1e6 <= GOAL_MB ? "met" : "NOT met"}` },
      { measure: "peak RSS above the start", value: mb(peakAfterNew - baseline), floor: "", goal: "" },
    ]);
  } finally {
    clearInterval(sampler);
    await sql.end();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
