import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOptOuts, jobs, members } from "@/db/schema";
import { issueInvoiceAction } from "@/app/(staff)/invoices/actions";
import { sendPortalInvitationAction } from "@/app/(staff)/members/[id]/invitation-actions";
import { inviteStaffMember } from "@/app/(staff)/settings/staff/actions";
import { POST as oneClickUnsubscribe } from "@/app/api/unsubscribe/[token]/route";
import { verifyPassword, hashPassword } from "@/lib/auth/password";
import { acceptPortalInvitation, findPortalInvitation, PORTAL_INVITATION_TTL_MS } from "@/lib/portal/invitation";
import { unsubscribeToken } from "@/lib/mail/unsubscribe";
import { createMember, signedInDojo } from "../support/factories";
import { deliverMail } from "../support/mail";
import { createTestInvoice } from "../support/invoice-factory";
import { wordsOf } from "../support/refusal";

// This file's own Resend team: no rate limit shared with other files.
const RESEND_KEY = `re_test_txmail_${randomUUID().replaceAll("-", "")}`;
process.env.RESEND_API_KEY = RESEND_KEY;
const emulatorUrl = inject("emulatorUrl");

type InboxMail = { to: string[]; from: string; subject: string; html: string; text: string };
async function inbox(to: string): Promise<InboxMail[]> {
  const res = await fetch(`${emulatorUrl}/_inbox.json?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { data: InboxMail[] }).data;
}
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

describe("transactional mail", () => {
  it("mails the member when an invoice is issued, once, with HTML, text and the dojo as sender", async () => {
    const { dojo } = await signedInDojo();
    const email = address("invoice");
    const member = await createMember(dojo.id, { email });
    const draft = await createTestInvoice(dojo, member.id);
    const issued = await issueInvoiceAction({ id: draft.id });
    expect(issued.ok).toBe(true);
    // Nothing goes out inside the action: the job sends after the commit.
    expect(await inbox(email)).toEqual([]);
    await deliverMail();
    await deliverMail();
    const mails = await inbox(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].from).toBe(`"${dojo.name}" <no-reply@tatami.test>`);
    expect(mails[0].subject).toContain("Invoice 2026-0001");
    expect(mails[0].html).toContain("€50.00");
    expect(mails[0].text).toContain("€50.00");
    expect(mails[0].html).toContain(`/portal/invoices/${draft.id}`);
  });

  it("queues no mail for invoices issued outside the staff actions (seed, imports)", async () => {
    const { dojo } = await signedInDojo();
    const email = address("seeded");
    const member = await createMember(dojo.id, { email });
    await createTestInvoice(dojo, member.id, { issue: true });
    await deliverMail();
    expect(await inbox(email)).toEqual([]);
  });

  it("sends nothing for a member without an e-mail address and finishes the job", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id, { email: null });
    const draft = await createTestInvoice(dojo, member.id);
    expect(await issueInvoiceAction({ id: draft.id })).toMatchObject({ ok: true });
    await deliverMail();
    const db = await getDb();
    const [job] = await db.select().from(jobs).where(eq(jobs.payload, { invoiceId: draft.id }));
    expect(job).toMatchObject({ status: "done", attempts: 1 });
  });

  it("invites a member to the members area with a single-use, expiring set-password link", async () => {
    const { dojo } = await signedInDojo();
    const email = address("portal");
    const member = await createMember(dojo.id, { email, passwordHash: null });
    const noMail = await createMember(dojo.id, { email: null });
    expect(await sendPortalInvitationAction({ id: noMail.id })).toMatchObject({ ok: false, error: expect.stringContaining("no e-mail address") });

    expect(await sendPortalInvitationAction({ id: member.id })).toMatchObject({ ok: true, data: { email } });
    await deliverMail();
    const [mail] = await inbox(email);
    expect(mail.html).toContain(member.uid);
    const token = /\/portal\/set-password\/([A-Za-z0-9_.-]+)/.exec(mail.html)?.[1];
    expect(token).toBeDefined();
    const db = await getDb();
    expect(await findPortalInvitation(db, token!)).toMatchObject({ state: "valid", member: { id: member.id } });
    expect(await findPortalInvitation(db, token!, new Date(Date.now() + PORTAL_INVITATION_TTL_MS + 60_000))).toEqual({ state: "expired", locale: "en" });
    expect(await findPortalInvitation(db, `${token!.slice(0, -3)}abc`)).toEqual({ state: "invalid" });

    const hash = await hashPassword("a brand new password");
    await db.transaction((tx) => acceptPortalInvitation(tx, token!, hash));
    const [after] = await db.select().from(members).where(eq(members.id, member.id));
    expect(await verifyPassword(after.passwordHash, "a brand new password")).toBe(true);
    // Used once: the link is dead now.
    await expect(wordsOf(db.transaction((tx) => acceptPortalInvitation(tx, token!, hash)))).resolves.toMatch(/not valid any more/);
  });

  it("e-mails the staff invitation link", async () => {
    const { dojo } = await signedInDojo();
    const email = address("staff");
    const result = await inviteStaffMember({ name: "Mei Lin", email, role: "manager" });
    expect(result).toMatchObject({ ok: true, data: { emailed: email } });
    await deliverMail();
    const [mail] = await inbox(email);
    expect(mail.from).toContain(dojo.name);
    expect(mail.html).toContain(result.ok ? result.data.url : "?");
    expect(mail.text).toContain("Accept invitation");
  });

  it("unsubscribes in one click from the List-Unsubscribe header and refuses forged tokens", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const call = (token: string) => oneClickUnsubscribe(new Request(`http://x/api/unsubscribe/${token}`, { method: "POST" }), { params: Promise.resolve({ token }) });
    expect((await call(`${member.id}.forged`)).status).toBe(404);
    expect((await call(unsubscribeToken(member.id))).status).toBe(200);
    const db = await getDb();
    expect(await db.select().from(emailOptOuts).where(eq(emailOptOuts.memberId, member.id))).toHaveLength(1);
  });
});
