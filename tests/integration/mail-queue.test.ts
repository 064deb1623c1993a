import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { jobs, members } from "@/db/schema";
import { sendMailAgainAction } from "@/app/(staff)/dashboard/actions";
import { issueInvoiceAction, voidInvoiceAction } from "@/app/(staff)/invoices/actions";
import { inviteStaffMember, revokeStaffInvitation } from "@/app/(staff)/settings/staff/actions";
import { queueInvoiceIssuedMail } from "@/lib/invoices/issued-mail";
import { enqueueJob } from "@/lib/jobs/queue";
import { STRIPE_RECONCILE_JOB } from "@/lib/jobs/kinds";
import { runDueJobs, startJobWorker } from "@/lib/jobs/worker";
import { MAIL_MAX_ATTEMPTS } from "@/lib/mail/enqueue-mail";
import { failedMails } from "@/lib/mail/failed-mails";
import { createMember, signedInDojo, signInAsStaff } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";
import { deliverMail } from "../support/mail";

// This file's own Resend team, so its outages and clock touch no other file.
const RESEND_KEY = `re_test_mailq_${randomUUID().replaceAll("-", "")}`;
process.env.RESEND_API_KEY = RESEND_KEY;
const emulatorUrl = inject("emulatorUrl");

async function resend(settings: object) {
  const res = await fetch(`${emulatorUrl}/_control/resend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: RESEND_KEY, ...settings }) });
  expect(res.status).toBe(200);
}

/** What reached the inbox, without running the queue. */
async function inbox(to: string): Promise<{ subject: string; text: string; created_at: string }[]> {
  return ((await (await fetch(`${emulatorUrl}/_inbox.json?to=${encodeURIComponent(to)}`)).json()) as { data: { subject: string; text: string; created_at: string }[] }).data;
}

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

async function jobOf(dedupeKey: string) {
  const [job] = await (await getDb()).select().from(jobs).where(eq(jobs.dedupeKey, dedupeKey));
  return job;
}

/** An issued invoice whose "invoice issued" mail is queued, nothing sent yet. */
async function issuedInvoice(email = address("member")) {
  const { dojo, user } = await signedInDojo();
  const member = await createMember(dojo.id, { email });
  const invoice = await createTestInvoice(dojo, member.id);
  expect(await issueInvoiceAction({ id: invoice.id })).toMatchObject({ ok: true });
  return { dojo, owner: user, member, email, invoice, key: `invoice-issued:${invoice.id}` };
}

/** Runs the due mail at `now` (the app's clock) with the emulator's Resend clock set to the same instant. */
async function runMailAt(now: number) {
  await resend({ clockMs: now });
  return runDueJobs(await getDb(), { lane: "mail", now: new Date(now) });
}

beforeAll(() => resend({ rateLimitPerSecond: 0 }));
beforeEach(() => {
  // Each failed attempt logs a warning; the assertions read the job instead.
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await resend({ outage: null, clockMs: null, rateLimitNext: 0 });
});

describe("the mail queue", () => {
  it("queues nothing for a change that rolls back, and one mail per cause however often it is queued", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id, { email: address("rollback") });
    const draft = await createTestInvoice(dojo, member.id);
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await queueInvoiceIssuedMail(tx, { id: draft.id, dojoId: dojo.id, status: "open" });
        throw new Error("the issue failed");
      }),
    ).rejects.toThrow("the issue failed");
    expect(await jobOf(`invoice-issued:${draft.id}`)).toBeUndefined();

    const { email, key, invoice } = await issuedInvoice();
    // The same cause queued again, from several transactions at once: still one job.
    await Promise.all([1, 2, 3].map(() => db.transaction((tx) => queueInvoiceIssuedMail(tx, { id: invoice.id, dojoId: invoice.dojoId, status: "open" }))));
    expect(await db.select().from(jobs).where(eq(jobs.dedupeKey, key))).toHaveLength(1);
    await deliverMail();
    expect(await inbox(email)).toHaveLength(1);

    // A worker that died after Resend took the mail runs the job again: Resend's Idempotency-Key
    // (the same cause key) answers with the first mail, even when the data changed meanwhile.
    await db.update(members).set({ firstName: "Renamed" }).where(eq(members.email, email));
    await db.update(jobs).set({ status: "queued", runAt: new Date(), finishedAt: null }).where(eq(jobs.dedupeKey, key));
    await deliverMail();
    expect(await inbox(email)).toHaveLength(1);
    expect(await jobOf(key)).toMatchObject({ status: "done" });
  });

  it("goes out within seconds of the commit from the app's worker, in a lane of its own", async () => {
    const db = await getDb();
    // Other work waiting is not in the mail lane's way (nor run by it).
    const other = await enqueueJob(db, { kind: STRIPE_RECONCILE_JOB, payload: {}, runAt: new Date(Date.now() + 3_600_000) });
    const { email, key } = await issuedInvoice();
    expect(await runDueJobs(db, { lane: "mail", now: new Date(Date.now() + 7_200_000) })).toBe(1);
    expect(await jobOf(key)).toMatchObject({ status: "done" });
    expect((await db.select().from(jobs).where(eq(jobs.id, other!.id)))[0]).toMatchObject({ status: "queued", attempts: 0 });
    await db.delete(jobs).where(eq(jobs.id, other!.id));
    expect(await inbox(email)).toHaveLength(1);

    const stop = startJobWorker(getDb);
    try {
      const second = await issuedInvoice();
      const queuedAt = Date.now();
      await expect.poll(async () => (await inbox(second.email)).length, { timeout: 5_000, interval: 100 }).toBe(1);
      expect(Date.now() - queuedAt).toBeLessThan(3_000);
    } finally {
      stop();
    }
  });

  it("waits out Resend's 429 for retry-after without using up attempts", async () => {
    const { email, key } = await issuedInvoice();
    await resend({ rateLimitNext: 3 });
    let now = Date.now();
    for (let i = 0; i < 3; i++) {
      expect(await runMailAt(now)).toBe(1);
      const job = await jobOf(key);
      expect(job).toMatchObject({ status: "queued", attempts: 0, lastError: expect.stringContaining("rate_limit_exceeded") });
      expect(job.runAt.getTime()).toBe(now + 1_000);
      // Not a moment before Resend said.
      expect(await runMailAt(now + 999)).toBe(0);
      now += 1_000;
    }
    await runMailAt(now);
    expect(await jobOf(key)).toMatchObject({ status: "done", attempts: 1 });
    expect(await inbox(email)).toHaveLength(1);
  });

  it("retries 5xx answers and no answer at all with growing waits, then sends", async () => {
    const { email, key } = await issuedInvoice();
    const start = Date.now();
    await resend({ clockMs: start, outage: { seconds: 3_600, status: 500 } });
    let now = start;
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      await runMailAt(now);
      const job = await jobOf(key);
      expect(job).toMatchObject({ status: "queued", attempts: i + 1, lastError: expect.stringContaining("internal_server_error") });
      waits.push((job.runAt.getTime() - now) / 1000);
      now = job.runAt.getTime();
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64]);
    const baseUrl = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = "http://127.0.0.1:9/resend"; // nothing listens there
    try {
      await runMailAt(now);
    } finally {
      process.env.RESEND_BASE_URL = baseUrl;
    }
    const unreachable = await jobOf(key);
    expect(unreachable).toMatchObject({ status: "queued", attempts: 7, lastError: expect.stringContaining("Unable to fetch data") });
    expect(unreachable.runAt.getTime() - now).toBe(128_000);
    expect(await inbox(email)).toEqual([]);

    await resend({ outage: null });
    await runMailAt(unreachable.runAt.getTime());
    expect(await jobOf(key)).toMatchObject({ status: "done", attempts: 8 });
    expect(await inbox(email)).toHaveLength(1);
  });

  it("fails a mail Resend refuses as invalid at once, says why, and lists it for staff to send again", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { dojo, owner, member, key } = await issuedInvoice("not-an-address");
      await deliverMail();
      const job = await jobOf(key);
      expect(job).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringMatching(/^Resend refused the mail to not-an-address: validation_error \(422\): Invalid `to` field/) });
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/mail\.invoice-issued .* failed for good after 1 attempt\(s\) \(permanent error\)/));
      const db = await getDb();
      expect(await failedMails(db, dojo.id)).toEqual([{ id: job.id, kind: "invoice-issued", failedAt: job.finishedAt, error: job.lastError }]);
      expect(await failedMails(db, (await signedInDojo()).dojo.id)).toEqual([]);

      // The owner corrects the address and sends it again: one mail, composed from the data as it is now.
      const fixed = address("fixed");
      await db.update(members).set({ email: fixed }).where(eq(members.id, member.id));
      signInAsStaff(owner);
      expect(await sendMailAgainAction({ jobId: job.id })).toEqual({ ok: true, data: null });
      expect(await sendMailAgainAction({ jobId: job.id })).toMatchObject({ ok: false });
      await deliverMail();
      expect((await inbox(fixed)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Invoice \d{4}-\d{4} from /)]);
      expect(await failedMails(db, dojo.id)).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });

  it("composes when it runs: nothing for an invitation revoked or an invoice voided while Resend was down", async () => {
    const { key: invoiceKey, email: memberEmail, invoice } = await issuedInvoice();
    const invited = address("staff");
    const result = await inviteStaffMember({ name: "Mei Lin", email: invited, role: "manager" });
    if (!result.ok) throw new Error(result.error);
    const start = Date.now();
    await resend({ clockMs: start, outage: { seconds: 30, status: 503 } });
    expect(await runMailAt(start)).toBe(2);
    const invitationKey = `staff-invitation:${result.data.invitationId}`;
    expect(await jobOf(invitationKey)).toMatchObject({ status: "queued", lastError: expect.stringContaining("503") });

    expect(await revokeStaffInvitation({ invitationId: result.data.invitationId })).toMatchObject({ ok: true });
    expect(await voidInvoiceAction({ id: invoice.id, reason: "Issued by mistake" })).toMatchObject({ ok: true });
    await runMailAt(start + 60_000);
    expect(await jobOf(invitationKey)).toMatchObject({ status: "done" });
    expect(await jobOf(invoiceKey)).toMatchObject({ status: "done" });
    expect(await inbox(invited)).toEqual([]);
    expect(await inbox(memberEmail)).toEqual([]);
  });

  it("keeps trying for hours while Resend is down, then gives up and lists the mail for staff", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { dojo, key } = await issuedInvoice();
      const start = Date.now();
      await resend({ clockMs: start, outage: { seconds: 48 * 3_600, status: 503 } });
      let job = await jobOf(key);
      for (let runs = 0; job.status === "queued" && runs < 100; runs++) {
        await runMailAt(Math.max(start, job.runAt.getTime()));
        job = await jobOf(key);
      }
      expect(job).toMatchObject({ status: "failed", attempts: MAIL_MAX_ATTEMPTS });
      const hours = (job.finishedAt!.getTime() - start) / 3_600_000;
      expect(hours).toBeGreaterThan(6);
      expect(hours).toBeLessThan(12);
      expect((await failedMails(await getDb(), dojo.id, job.finishedAt!)).map((m) => m.id)).toEqual([job.id]);
    } finally {
      errors.mockRestore();
    }
  });
});
