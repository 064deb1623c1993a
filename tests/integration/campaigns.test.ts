import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { campaignRecipients, campaigns, jobs, members, memberSubscriptions, subscriptionPlans } from "@/db/schema";
import { sendCampaignAction, previewCampaignAction } from "@/app/(staff)/campaigns/actions";
import { resolveCardLink } from "@/lib/card-links/resolve-card-link";
import { queueCampaign } from "@/lib/campaigns/queue-campaign";
import { campaignTargets } from "@/lib/campaigns/recipients";
import { sendCampaign } from "@/lib/campaigns/send-campaign";
import { runDueJobs, runNextJob } from "@/lib/jobs/worker";
import { campaignMailFor } from "@/lib/campaigns/compose-mail";
import { renderCampaignBody, renderCampaignSubject } from "@/lib/mail/render-campaign";
import { renderMail } from "@/lib/mail/send";
import { unsubscribe, unsubscribeToken } from "@/lib/mail/unsubscribe";
import { createDojo, createMember, signedInDojo } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";

// This file's own Resend "team", so its rate limit and inbox are its own.
const RESEND_KEY = `re_test_campaigns_${randomUUID().replaceAll("-", "")}`;
process.env.RESEND_API_KEY = RESEND_KEY;
const emulatorUrl = inject("emulatorUrl");

type InboxMail = { id: string; to: string[]; subject: string; html: string; text: string; created_at: string; headers: Record<string, string> | null };

async function inboxFor(domain: string): Promise<InboxMail[]> {
  const res = await fetch(`${emulatorUrl}/_inbox.json`);
  const { data } = (await res.json()) as { data: InboxMail[] };
  return data.filter((m) => m.to.some((t) => t.endsWith(`@${domain}`)));
}

async function setResendRate(rateLimitPerSecond: number) {
  const res = await fetch(`${emulatorUrl}/_control/resend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: RESEND_KEY, rateLimitPerSecond }) });
  expect(res.ok).toBe(true);
}

const UID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const uid = () => Array.from({ length: 7 }, () => UID_ALPHABET[Math.floor(Math.random() * UID_ALPHABET.length)]).join("");

/** `n` active members with addresses at a domain of their own. */
async function manyMembers(dojoId: string, n: number) {
  const domain = `${randomUUID().slice(0, 8)}.example.test`;
  const db = await getDb();
  const rows = Array.from({ length: n }, (_, i) => ({ dojoId, uid: uid(), firstName: `First${i}`, lastName: `Last${String(i).padStart(3, "0")}`, email: `member${i}@${domain}` }));
  const created = await db.insert(members).values(rows).returning();
  return { domain, members: created };
}

const cardTokenOf = (mail: InboxMail) => /\/card\/([A-Za-z0-9_.-]+)/.exec(mail.html)?.[1];

const BODY = "Hello {firstname},\n\nplease [add your card]({stripecardlink}) before the grading.";

async function queue(dojoId: string, body = BODY) {
  const db = await getDb();
  return db.transaction((tx) => queueCampaign(tx, { dojoId, userId: null }, { subject: "Card for {firstname}", body, recipients: { kind: "all" } }));
}

/** Every recipient got exactly one mail, each with their own working card link. */
async function expectEachOnce(domain: string, list: { id: string; email: string | null }[]) {
  const mails = await inboxFor(domain);
  const perAddress = new Map<string, number>();
  for (const m of mails) perAddress.set(m.to[0], (perAddress.get(m.to[0]) ?? 0) + 1);
  for (const m of list) expect(perAddress.get(m.email!), m.email!).toBe(1);
  expect(mails).toHaveLength(list.length);
  return mails;
}

/**
 * Runs the campaign job, then any retry it scheduled: on a loaded machine a request to the
 * emulator can fail like any network call, and the queue's retry is part of the design.
 */
async function runWithRetries(opts: Parameters<typeof runNextJob>[1] = {}) {
  const db = await getDb();
  await runNextJob(db, opts);
  // A failed run is retried after a backoff counted on the run's clock: move that clock on a few times.
  for (let hours = 4; hours <= 16; hours += 4) await runDueJobs(db, { ...opts, now: new Date(Date.now() + hours * 3_600_000) });
}

beforeAll(async () => {
  await setResendRate(0);
});

describe("merge codes", () => {
  it("escapes member values: a member named <b>Bob</b> never injects markup", () => {
    const values = { firstname: "<b>Bob</b>", lastname: "**Smith** [x](javascript:alert(1))", fullname: "<b>Bob</b> Smith", uid: "ABC1234", email: "bob@example.test", dojoname: "Dojo & Co", portallink: "https://app.test/portal/login", stripecardlink: "https://app.test/card/abc", familyname: "<i>Ito</i> & Co" };
    const html = renderCampaignBody("Hi {firstname} {lastname} of the {familyname} family\n\n<script>alert(1)</script>\n\n[Card]({stripecardlink}) [bad]({firstname})", values);
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<i>");
    expect(html).toContain("&lt;i&gt;Ito&lt;/i&gt; &amp; Co family");
    expect(html).toContain("&lt;b&gt;Bob&lt;/b&gt;");
    expect(html).not.toContain("<strong>Smith");
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).not.toContain("<script>");
    expect(html).toContain('<a href="https://app.test/card/abc"');
    // A non-URL code as a link target becomes plain text, not a link.
    expect(html).not.toMatch(/<a [^>]*>bad/);
    expect(renderCampaignSubject("News for {FirstName}\r\n", values)).toBe("News for <b>Bob</b>");
  });

  it("makes a URL code on its own a button in the HTML part and a bare URL in the text part", async () => {
    const values = { firstname: "Aiko", lastname: "Tanaka", fullname: "Aiko Tanaka", uid: "ABC1234", email: "aiko@example.test", dojoname: "Dojo", portallink: "https://app.test/portal/login", stripecardlink: "https://app.test/card/abc.def", familyname: "Tanaka" };
    const html = renderCampaignBody("Please add your card:\n\n{stripecardlink}\n\nor log in: {portallink}", values);
    expect(html).toMatch(/<a href="https:\/\/app\.test\/card\/abc\.def" style="[^"]*background-color:#b45309[^"]*">Add my card<\/a>/);
    expect(html).toMatch(/<a href="https:\/\/app\.test\/portal\/login" style="[^"]*">Open the members area<\/a>/);
    // The URL is never printed as text in the HTML part.
    expect(html.replace(/href="[^"]*"/g, "")).not.toContain("https://app.test/card/abc.def");
    // Inside a link's text a URL code is its URL (no link inside a link); as a target it is the href.
    const inLink = renderCampaignBody("[{stripecardlink}](https://example.test/x) [card]({stripecardlink})", values);
    expect(inLink).toContain('<a href="https://example.test/x" style="color:#b45309">https://app.test/card/abc.def</a>');
    expect(inLink).toContain('<a href="https://app.test/card/abc.def" style="color:#b45309">card</a>');
    expect(inLink).not.toContain("Add my card");

    const { text, html: mailHtml } = await renderMail(campaignMailFor({ subject: "Card", body: "Hello {firstname},\n\n{stripecardlink}" }, "Dojo", randomUUID(), values, "en").react);
    expect(mailHtml).toContain(">Add my card</a>");
    expect(text).toContain("Add my card https://app.test/card/abc.def");
    expect(text).not.toMatch(/\[https:\/\/app\.test\/card/);
  });

  it("previews exactly the HTML and text parts the member receives, card button included", async () => {
    const { dojo } = await signedInDojo({ plan: "pro" });
    const domain = `${randomUUID().slice(0, 8)}.example.test`;
    const aiko = await createMember(dojo.id, { firstName: "Aiko", email: `aiko@${domain}` });
    const content = { subject: "Card, {firstname}", body: "Hello {firstname},\n\n{stripecardlink}" };
    const preview = await previewCampaignAction({ ...content, memberId: aiko.id });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.html).toContain(">Add my card</a>");
    expect(await sendCampaignAction({ ...content, recipients: { kind: "picked", memberIds: [aiko.id] } })).toMatchObject({ ok: true });
    await runDueJobs(await getDb());
    const [mail] = await inboxFor(domain);
    expect(mail.html).toBe(preview.data.html);
    expect(mail.text).toBe(preview.data.text);
    expect(mail.text).toMatch(/Add my card https?:\/\/\S+\/card\/\S+/);
  });

  it("sends the escaped name in the real mail", async () => {
    const { dojo } = await signedInDojo({ plan: "pro" });
    const domain = `${randomUUID().slice(0, 8)}.example.test`;
    const bob = await createMember(dojo.id, { firstName: "<b>Bob</b>", email: `bob@${domain}` });
    const preview = await previewCampaignAction({ subject: "Hi {firstname}", body: "Hello {fullname}", memberId: bob.id });
    expect(preview.ok && preview.data.html).toContain("&lt;b&gt;Bob&lt;/b&gt;");
    const result = await sendCampaignAction({ subject: "Hi {firstname}", body: "Hello **{firstname}**", recipients: { kind: "picked", memberIds: [bob.id] } });
    expect(result.ok).toBe(true);
    await runDueJobs(await getDb());
    const [mail] = await inboxFor(domain);
    expect(mail.html).toContain("<strong>&lt;b&gt;Bob&lt;/b&gt;</strong>");
    expect(mail.html).not.toContain("<b>Bob</b>");
    expect(mail.subject).toBe("Hi <b>Bob</b>");
  });

  it("refuses unknown merge codes before anything is queued", async () => {
    const { dojo } = await signedInDojo();
    await createMember(dojo.id);
    const result = await sendCampaignAction({ subject: "Hi {firstname}", body: "Hello {fristname} and {Unknown}", recipients: { kind: "all" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.body?.[0]).toContain("Unknown merge codes {fristname}, {Unknown}");
    const db = await getDb();
    expect(await db.select().from(campaigns).where(eq(campaigns.dojoId, dojo.id))).toEqual([]);
  });

  it("keeps dojos apart and needs a manager or owner", async () => {
    const other = await createDojo();
    const stranger = await createMember(other.id);
    const { dojo } = await signedInDojo({ role: "manager" });
    const mine = await createMember(dojo.id);
    // Another dojo's member can be neither previewed nor picked.
    expect(await previewCampaignAction({ subject: "Hi", body: "Hello {firstname}", memberId: stranger.id })).toMatchObject({ ok: false, error: "Member was not found." });
    const picked = await sendCampaignAction({ subject: "Hi", body: "Hello", recipients: { kind: "picked", memberIds: [stranger.id, mine.id] } });
    expect(picked.ok).toBe(true);
    const db = await getDb();
    const rows = await db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, picked.ok ? picked.data.id : ""));
    expect(rows.map((r) => r.memberId)).toEqual([mine.id]);
    await runDueJobs(db);

    await signedInDojo({ role: "staff" });
    expect(await sendCampaignAction({ subject: "Hi", body: "Hello", recipients: { kind: "all" } })).toEqual({ ok: false, error: "Your role does not allow this." });
  });

  it("is only for Pro and Ultimate plans", async () => {
    await signedInDojo({ plan: "basic" });
    const result = await sendCampaignAction({ subject: "Hi", body: "Hello", recipients: { kind: "all" } });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Pro plan") });
  });
});

describe("sending a campaign", () => {
  it("sends 250 members in 3 batch calls, each with their own working card link", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const { domain, members: list } = await manyMembers(dojo.id, 250);
    const campaign = await queue(dojo.id);
    const batches: number[] = [];
    await runWithRetries({ campaign: { afterSend: (i) => void batches.push(i) } });
    expect(new Set(batches)).toEqual(new Set([0, 1, 2]));

    const mails = await expectEachOnce(domain, list);
    // One batch call = one acceptance time in the emulator.
    expect(new Set(mails.map((m) => m.created_at)).size).toBe(3);
    const tokens = mails.map(cardTokenOf);
    expect(new Set(tokens).size).toBe(250);
    for (const mail of mails) {
      const opened = await resolveCardLink(db, cardTokenOf(mail)!);
      expect(opened?.holder.email).toBe(mail.to[0]);
      expect(mail.html).toContain(`Hello ${opened?.holder.firstName},`);
      expect(mail.headers?.["List-Unsubscribe"]).toMatch(/\/api\/unsubscribe\//);
    }
    const [done] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(done).toMatchObject({ status: "sent", sentCount: 250, failedCount: 0, recipientCount: 250 });
    const rows = await db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, campaign.id));
    expect(new Set(rows.map((r) => r.providerMessageId)).size).toBe(250);
    expect(new Set(mails.map((m) => m.id))).toEqual(new Set(rows.map((r) => r.providerMessageId)));
    const [job] = await db.select().from(jobs).where(eq(jobs.payload, { campaignId: campaign.id }));
    expect(job.status).toBe("done");
  });

  it("a crash after Resend accepted a batch but before it was recorded sends nobody twice", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const { domain, members: list } = await manyMembers(dojo.id, 150);
    const campaign = await queue(dojo.id);
    // The process dies between Resend's answer and our commit: no catch, no job bookkeeping.
    let crashed = false;
    // (Repeated only if a request to the emulator failed before the crash point on a loaded machine.)
    for (let attempt = 0; !crashed && attempt < 3; attempt++) {
      try {
        await sendCampaign(db, campaign.id, {
          afterSend: (i) => {
            if (i === 0) throw new Error("crash");
          },
        });
      } catch (error) {
        crashed = (error as Error).message === "crash";
      }
    }
    expect(crashed).toBe(true);
    expect(await inboxFor(domain)).toHaveLength(100);
    // Restart: a worker takes the job up again and repeats batch 0 with the same idempotency key.
    await runWithRetries();
    await expectEachOnce(domain, list);
    const [done] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(done).toMatchObject({ status: "sent", sentCount: 150 });
  });

  it("a job killed after its first batch and restarted later sends nobody twice", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const { domain, members: list } = await manyMembers(dojo.id, 230);
    const campaign = await queue(dojo.id);
    const controller = new AbortController();
    const startedAt = new Date();
    for (let attempt = 0; !controller.signal.aborted && attempt < 3; attempt++) {
      await runNextJob(db, { now: new Date(Date.now() + attempt * 3_600_000), signal: controller.signal, campaign: { afterCommit: () => controller.abort() } });
    }
    expect(controller.signal.aborted).toBe(true);
    expect(await inboxFor(domain)).toHaveLength(100);
    const [stopped] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(stopped).toMatchObject({ status: "sending", sentCount: 100 });
    // Backed off from the run's clock (on a slow machine that wait may be over already); later another worker takes it up.
    expect(await runNextJob(db, { now: startedAt })).toBe(false);
    await runWithRetries();
    await expectEachOnce(domain, list);
    const [done] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(done).toMatchObject({ status: "sent", sentCount: 230 });
  });

  it("slows down when Resend answers 429 and loses nobody", async () => {
    const dojo = await createDojo();
    const { domain, members: list } = await manyMembers(dojo.id, 250);
    await queue(dojo.id);
    // The emulator answers the next two requests with 429 (retry-after: 1 s).
    const res = await fetch(`${emulatorUrl}/_control/resend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: RESEND_KEY, rateLimitNext: 2 }) });
    expect(res.ok).toBe(true);
    const waits: number[] = [];
    const batches: number[] = [];
    await runWithRetries({
      campaign: {
        ratePerSecond: 10,
        afterSend: (i) => void batches.push(i),
        sleep: (ms) => {
          waits.push(ms);
          return new Promise((r) => setTimeout(r, ms));
        },
      },
    });
    // Waited as Resend said (retry-after) each time, then sent the same batch again: nothing lost, nothing twice.
    expect(waits.filter((ms) => ms === 1000)).toHaveLength(2);
    expect(new Set(batches)).toEqual(new Set([0, 1, 2]));
    await expectEachOnce(domain, list);
  });

  it("skips members without e-mail and unsubscribed members, and honours unsubscribing on the next send", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const domain = `${randomUUID().slice(0, 8)}.example.test`;
    const a = await createMember(dojo.id, { email: `a@${domain}` });
    const b = await createMember(dojo.id, { email: `b@${domain}` });
    const none = await createMember(dojo.id, { email: null });
    const first = await queue(dojo.id, "First {firstname}");
    await runDueJobs(db);
    expect((await inboxFor(domain)).length).toBe(2);
    const rows = await db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, first.id));
    expect(rows.find((r) => r.memberId === none.id)).toMatchObject({ status: "skipped", reason: "No e-mail address" });

    expect(await unsubscribe(db, unsubscribeToken(b.id))).toBe(true);
    expect(await unsubscribe(db, `${b.id}.forged`)).toBe(false);
    const second = await queue(dojo.id, "Second {firstname}");
    await runDueJobs(db);
    const mails = await inboxFor(domain);
    expect(mails.filter((m) => m.html.includes("Second")).map((m) => m.to[0])).toEqual([a.email]);
    const secondRows = await db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, second.id));
    expect(secondRows.find((r) => r.memberId === b.id)).toMatchObject({ status: "skipped", reason: "Unsubscribed from campaigns" });
    expect((await db.select().from(campaigns).where(eq(campaigns.id, second.id)))[0]).toMatchObject({ sentCount: 1, skippedCount: 2 });
  });
});

describe("recipient filters", () => {
  it("selects members subscribed to any plan or to one plan, only while the subscription bills", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const [judo, karate] = await db
      .insert(subscriptionPlans)
      .values(["Judo", "Karate"].map((name) => ({ dojoId: dojo.id, name, amountMinor: 4500, currency: "EUR", interval: "month" as const, stripeProductId: `prod_${name}`, stripePriceId: `price_${name}` })))
      .returning();
    const judoka = await createMember(dojo.id, { firstName: "Judoka" });
    const karateka = await createMember(dojo.id, { firstName: "Karateka" });
    const former = await createMember(dojo.id, { firstName: "Former" });
    await createMember(dojo.id, { firstName: "Nobody" });
    const subscribe = (memberId: string, planId: string, status: string) =>
      db.insert(memberSubscriptions).values({ dojoId: dojo.id, memberId, planId, stripeSubscriptionId: `sub_${randomUUID()}`, status, currency: "EUR" });
    await subscribe(judoka.id, judo.id, "active");
    await subscribe(karateka.id, karate.id, "past_due");
    await subscribe(former.id, judo.id, "canceled");

    const names = async (subscribedTo: string | null) =>
      (await campaignTargets(db, dojo.id, { kind: "filter", status: "active", noCard: false, openInvoices: false, subscribedTo })).map((t) => t.firstName).sort();
    expect(await names("any")).toEqual(["Judoka", "Karateka"]);
    expect(await names(judo.id)).toEqual(["Judoka"]);
    expect(await names(null)).toEqual(["Former", "Judoka", "Karateka", "Nobody"]);
    // Another dojo's plan id selects nobody here.
    expect(await names(randomUUID())).toEqual([]);
  });

  it("selects members whose subscription is paused, while it runs", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const subscribe = async (firstName: string, status: string, pauseBehavior: string | null) => {
      const member = await createMember(dojo.id, { firstName });
      await db.insert(memberSubscriptions).values({ dojoId: dojo.id, memberId: member.id, stripeSubscriptionId: `sub_${randomUUID()}`, status, currency: "EUR", pauseBehavior });
    };
    await subscribe("Resting", "active", "void");
    await subscribe("Training", "active", null);
    await subscribe("Gone", "canceled", "void");
    const paused = await campaignTargets(db, dojo.id, { kind: "filter", status: "active", noCard: false, openInvoices: false, subscribedTo: "paused" });
    expect(paused.map((t) => t.firstName)).toEqual(["Resting"]);
  });

  it("selects members with open invoices, and members without a card on file", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const owing = await createMember(dojo.id, { firstName: "Owing" });
    await createMember(dojo.id, { firstName: "Carded", stripeCustomerId: `cus_${randomUUID().slice(0, 8)}` });
    await createTestInvoice(dojo, owing.id, { issue: true, lines: [{ description: "Training", quantity: "1", unitPrice: "30.00" }] });
    const names = async (opts: { noCard: boolean; openInvoices: boolean }) =>
      (await campaignTargets(db, dojo.id, { kind: "filter", status: "active", subscribedTo: null, ...opts })).map((t) => t.firstName).sort();
    expect(await names({ noCard: false, openInvoices: true })).toEqual(["Owing"]);
    expect(await names({ noCard: true, openInvoices: false })).toEqual(["Owing"]);
    expect(await names({ noCard: false, openInvoices: false })).toEqual(["Carded", "Owing"]);
  });
});
