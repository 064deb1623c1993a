// A campaign: queue 10,000 personalised e-mails (one recipient row each, batches cut, send job
// enqueued) and render every one of them as the sender does (merge values with the member's card
// link, Markdown body, react-email HTML and text): time and peak memory. Nothing is sent.
// Run: npm run bench:campaign   (BENCH_RECIPIENTS to change)
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { asc, eq } from "drizzle-orm";
import { campaignRecipients, dojos, members } from "@/db/schema";
import { newUid } from "@/lib/members/uid";
import { queueCampaign } from "@/lib/campaigns/queue-campaign";
import { mergeValuesFor } from "@/lib/campaigns/merge-values";
import { composeCampaignMail } from "@/lib/campaigns/compose-mail";
import type { Db } from "@/db/client";
import { freshDatabase, machine, printTable } from "./support";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
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
    // Batch by batch, as the sender does: a batch of mails is kept, then dropped.
    for (let i = 0; i < recipients.length; i += 100) {
      const batch = [];
      for (const r of recipients.slice(i, i + 100)) {
        const values = await mergeValuesFor(db, dojo, { ...r, email: r.email });
        batch.push(await composeCampaignMail(campaign, dojo.name, { memberId: r.memberId, email: r.email! }, values));
      }
      bytes += batch.reduce((n, m) => n + m.html.length + m.text.length, 0);
    }
    const renderMs = performance.now() - renderStart;

    console.log(`\nMachine: ${machine()} · ${new Date().toISOString()}`);
    printTable(`A campaign to ${RECIPIENTS} members (PostgreSQL; nothing sent)`, [
      { measure: "queue: recipients + batches + job, one transaction", value: `${(queueMs / 1000).toFixed(2)} s` },
      { measure: "render: merge values (card links created) + HTML + text", value: `${(renderMs / 1000).toFixed(2)} s` },
      { measure: "render rate", value: `${((RECIPIENTS / renderMs) * 1000).toFixed(0)} mails/s` },
      { measure: "average mail size (HTML + text)", value: `${(bytes / RECIPIENTS / 1024).toFixed(1)} KiB` },
      { measure: "peak RSS (process)", value: mb(peakRss) },
      { measure: "peak RSS above the start", value: mb(peakRss - baseline) },
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
