import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { dojos } from "@/db/schema";
import { issueInvoiceAction } from "@/app/(staff)/invoices/actions";
import { createMember, signedInDojo } from "../support/factories";
import { deliverMail } from "../support/mail";
import { createTestInvoice } from "../support/invoice-factory";

// This file's own Resend team: no rate limit shared with other files.
process.env.RESEND_API_KEY = `re_test_langmail_${randomUUID().replaceAll("-", "")}`;
const emulatorUrl = inject("emulatorUrl");

type InboxMail = { subject: string; html: string; text: string };
async function inbox(to: string): Promise<InboxMail[]> {
  const res = await fetch(`${emulatorUrl}/_inbox.json?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { data: InboxMail[] }).data;
}
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

async function issuedMailTo(language: string | null, dojoDefault?: string): Promise<InboxMail> {
  const { dojo } = await signedInDojo();
  if (dojoDefault) await (await getDb()).update(dojos).set({ defaultLanguage: dojoDefault }).where(eq(dojos.id, dojo.id));
  const email = address("lang");
  const member = await createMember(dojo.id, { email, language });
  const draft = await createTestInvoice(dojo, member.id);
  expect((await issueInvoiceAction({ id: draft.id })).ok).toBe(true);
  await deliverMail();
  const [mail] = await inbox(email);
  return mail;
}

describe("mails in the member's language", () => {
  it("writes a Dutch member's invoice mail in Dutch, with Dutch money and dates", async () => {
    const mail = await issuedMailTo("nl");
    expect(mail.subject).toMatch(/^Factuur 2026-0001 van .*: €\s50,00$/);
    expect(mail.html).toContain('lang="nl"');
    expect(mail.text).toContain("Bekijk hem in de ledenomgeving");
    expect(mail.text).not.toContain("members area");
  });

  it("takes the dojo's default language for a member who chose none", async () => {
    const mail = await issuedMailTo(null, "fr");
    expect(mail.subject).toMatch(/^Facture 2026-0001 de .* : 50,00\s€$/);
    expect(mail.text).toContain("La voir dans l'espace membre");
  });

  it("keeps English for a member and a dojo without a language", async () => {
    const mail = await issuedMailTo(null);
    expect(mail.subject).toMatch(/^Invoice 2026-0001 from .*: €50\.00$/);
  });

  it("prefers the member's language over the dojo's", async () => {
    const mail = await issuedMailTo("de", "nl");
    expect(mail.subject).toMatch(/^Rechnung 2026-0001 von .*: 50,00\s€$/);
    expect(mail.text).toContain("Im Mitgliederbereich ansehen");
  });
});
