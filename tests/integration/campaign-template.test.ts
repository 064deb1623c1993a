import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compileCampaignTemplate, composeCampaignMails, mergeCampaignMail } from "@/lib/campaigns/campaign-template";
import { composeCampaignMail } from "@/lib/campaigns/compose-mail";
import { MERGE_CODES, type MergeValues } from "@/lib/mail/merge-codes";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cardLinks } from "@/db/schema";
import { liveCardLink } from "@/lib/card-links/live-card-link";
import { mergeValuesForMany } from "@/lib/campaigns/merge-values";
import { queueCampaign } from "@/lib/campaigns/queue-campaign";
import { createCampaignCardLinks } from "@/lib/campaigns/send-campaign";
import { createDojo, createMember } from "../support/factories";

// Every merge code, in the subject, in text, in a heading, in emphasis, in a link's text and
// target, in a list and a quote, and the URL codes standing alone (buttons).
const EVERY_CODE = Object.keys(MERGE_CODES)
  .map((c) => `{${c}}`)
  .join(" ");
const BODIES = [
  "Hello {firstname},\n\nplease [add your card]({stripecardlink}) before the grading.",
  `# Welcome {firstname} {LastName}\n\nAll codes: ${EVERY_CODE}\n\n**{fullname}** _{uid}_ \`{email}\`\n\n- {dojoname}\n- [{portallink}]({portallink})\n\n> {firstname} said\n\n{stripecardlink}\n\n{portallink}`,
  "## {fullname}, your UID is {uid}\n\n[{stripecardlink}](https://example.test/x) [card]({stripecardlink}) [bad]({firstname})\n\n<script>alert('{firstname}')</script> & \"quotes\" 'single'",
  "No codes at all, just { braces } and {unknown}.",
];
const SUBJECTS = ["Summer camp, {firstname}", "{fullname} <&> \"{uid}\" 'x'", "A very long subject for {firstname} ".repeat(6), "Plain"];

const MEMBERS = [
  { firstname: "Aiko", lastname: "Tanaka" },
  { firstname: "<b>Bob</b>", lastname: "O'Brien & Sons" },
  { firstname: "\"Quoted\"", lastname: "a<b>c&amp;d" },
  { firstname: "Zoë", lastname: "Ünal-Łukasz 李" },
  { firstname: "Mary Ann", lastname: "{firstname}" },
  { firstname: "zq0123456789abcdeffirstnameqz", lastname: "*not* _markdown_ [x](y)" },
];

function valuesOf(m: { firstname: string; lastname: string }, i: number): MergeValues {
  return {
    firstname: m.firstname,
    lastname: m.lastname,
    fullname: `${m.firstname} ${m.lastname}`,
    uid: `K7M2Q9${i}`,
    email: `member${i}+x&y@example.test`,
    dojoname: "Kaizen <Dojo> & \"Friends\"",
    portallink: "http://localhost:3000/portal/login",
    stripecardlink: `http://localhost:3000/card/${randomUUID()}.sig_${i}-abc?x=1&y=2`,
    familyname: `${m.lastname} <family>`,
  };
}

describe("campaign mails rendered once and merged per recipient", () => {
  it("are byte for byte the per-recipient React render, for every code and awkward names", async () => {
    for (const body of BODIES) {
      for (const subject of SUBJECTS) {
        const campaign = { subject, body };
        const template = await compileCampaignTemplate(campaign, "Kaizen <Dojo> & \"Friends\"", "en");
        for (const [i, m] of MEMBERS.entries()) {
          const recipient = { memberId: randomUUID(), email: `member${i}@example.test` };
          const values = valuesOf(m, i);
          const merged = mergeCampaignMail(template, recipient, values);
          expect(merged, `${m.firstname} / ${body.slice(0, 20)}`).not.toBeNull();
          expect(merged).toEqual(await composeCampaignMail(campaign, "Kaizen <Dojo> & \"Friends\"", recipient, values, "en"));
        }
      }
    }
  });

  it("escapes a value for HTML in the HTML part and leaves it as typed in the text part", async () => {
    const template = await compileCampaignTemplate({ subject: "Hi {firstname}", body: "# Hi {firstname}\n\nDear {firstname}, [card]({stripecardlink})" }, "Dojo", "en");
    const values = { ...valuesOf({ firstname: "<img src=x onerror=alert(1)>&'\"", lastname: "X" }, 1), stripecardlink: "http://localhost:3000/card/a\"b" };
    const mail = mergeCampaignMail(template, { memberId: randomUUID(), email: "a@example.test" }, values)!;
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).toContain("Dear &lt;img src=x onerror=alert(1)&gt;&amp;&#39;&quot;,");
    expect(mail.html).toContain('href="http://localhost:3000/card/a&quot;b"');
    // The preview (React's escaping) and the subject, which is plain text.
    expect(mail.html).toContain("Hi &lt;img src=x onerror=alert(1)&gt;&amp;&#x27;&quot;");
    expect(mail.subject).toBe("Hi <img src=x onerror=alert(1)>&'\"");
    expect(mail.text).toContain("Dear <img src=x onerror=alert(1)>&'\",");
    // A heading is upper-cased in the text part, the member's value with it.
    expect(mail.text).toContain("HI <IMG SRC=X ONERROR=ALERT(1)>&'\"");
    expect(mail.text).not.toMatch(/zq[0-9a-f]{16}/i);
  });

  it("merges a member outside a family (empty {familyname}) when the campaign does not use that code, identically", async () => {
    const campaign = { subject: "Hi {firstname}", body: "Hello {firstname}\n\n{stripecardlink}" };
    const template = await compileCampaignTemplate(campaign, "Dojo", "en");
    const recipient = { memberId: randomUUID(), email: "a@example.test" };
    const values = { ...valuesOf(MEMBERS[0], 0), familyname: "" };
    const merged = mergeCampaignMail(template, recipient, values);
    expect(merged).not.toBeNull();
    expect(merged).toEqual(await composeCampaignMail(campaign, "Dojo", recipient, values, "en"));
    // Used, an empty family name still takes the full render.
    const withFamily = await compileCampaignTemplate({ subject: "Hi {firstname}", body: "The {familyname} family" }, "Dojo", "en");
    expect(mergeCampaignMail(withFamily, recipient, values)).toBeNull();
  });

  it("renders a recipient whose values the template cannot stand in for the full way, identically", async () => {
    const campaign = { subject: "Hi {firstname}", body: "Hello {firstname}  {lastname}\n\n{stripecardlink}" };
    const template = await compileCampaignTemplate(campaign, "Dojo", "en");
    const recipient = { memberId: randomUUID(), email: "a@example.test" };
    for (const odd of [{ lastname: "" }, { firstname: "Two  spaces" }, { stripecardlink: "" }, { firstname: "Line\nbreak" }]) {
      const values = { ...valuesOf(MEMBERS[0], 0), ...odd };
      expect(mergeCampaignMail(template, recipient, values)).toBeNull();
      const [mail] = await composeCampaignMails(template, [{ ...recipient, values }]);
      expect(mail).toEqual(await composeCampaignMail(campaign, "Dojo", recipient, values, "en"));
    }
  });
});

describe("campaign card links", () => {
  it("are created for every recipient in one go, keeping a member's existing link, once however often it runs", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const list = await Promise.all([1, 2, 3].map((i) => createMember(dojo.id, { email: `links${i}-${randomUUID().slice(0, 6)}@example.test` })));
    const existing = await liveCardLink(db, dojo.id, list[0].id);
    const campaign = await db.transaction((tx) => queueCampaign(tx, { dojoId: dojo.id, userId: null }, { subject: "Hi", body: "{stripecardlink}", recipients: { kind: "all" } }));
    await createCampaignCardLinks(db, campaign);
    await createCampaignCardLinks(db, campaign);
    const live = await db.select().from(cardLinks).where(and(eq(cardLinks.dojoId, dojo.id), isNull(cardLinks.revokedAt)));
    expect(live.map((l) => l.memberId).sort()).toEqual(list.map((m) => m.id).sort());
    expect(live.find((l) => l.memberId === list[0].id)!.id).toBe(existing.link.id);
    // The batch reads them: each member's value is their own live link.
    const batch = await mergeValuesForMany(db, dojo, list.map((m) => ({ memberId: m.id, firstName: m.firstName, lastName: m.lastName, uid: m.uid, email: m.email })));
    for (const r of batch) expect(r.values.stripecardlink).toBe((await liveCardLink(db, dojo.id, r.memberId)).url);
  });
});
