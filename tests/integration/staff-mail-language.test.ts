import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { dojos } from "@/db/schema";
import { inviteStaffMember } from "@/app/(staff)/settings/staff/actions";
import { signedInDojo } from "../support/factories";
import { deliverMail } from "../support/mail";

// This file's own Resend team: no rate limit shared with other files.
process.env.RESEND_API_KEY = `re_test_staffmail_${randomUUID().replaceAll("-", "")}`;
const emulatorUrl = inject("emulatorUrl");

async function inbox(to: string): Promise<{ subject: string; html: string; text: string }[]> {
  const res = await fetch(`${emulatorUrl}/_inbox.json?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { data: { subject: string; html: string; text: string }[] }).data;
}

async function invitationIn(language: string | null) {
  const { dojo, user } = await signedInDojo();
  if (language) await (await getDb()).update(dojos).set({ defaultLanguage: language }).where(eq(dojos.id, dojo.id));
  const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
  const result = await inviteStaffMember({ name: "Mei Lin", email, role: "staff" });
  if (!result.ok) throw new Error(result.error);
  await deliverMail();
  const [mail] = await inbox(email);
  return { mail, dojo, inviter: user.name };
}

// Staff mails speak the dojo's language until staff choose their own (lib/i18n/staff-mail-locale.ts).
describe("mails to staff in the dojo's language", () => {
  it("invites a new staff member in Dutch in a Dutch dojo", async () => {
    const { mail, dojo, inviter } = await invitationIn("nl");
    expect(mail.subject).toBe(`${inviter} nodigt je uit voor ${dojo.name} op Tatami`);
    expect(mail.html).toContain('lang="nl"');
    expect(mail.text).toContain(`als medewerker`);
    expect(mail.text).toContain("Uitnodiging accepteren");
  });

  it("keeps English in an English dojo", async () => {
    const { mail, dojo, inviter } = await invitationIn(null);
    expect(mail.subject).toBe(`${inviter} invites you to ${dojo.name} on Tatami`);
    expect(mail.text).toContain("as staff. Accept the invitation");
  });
});
