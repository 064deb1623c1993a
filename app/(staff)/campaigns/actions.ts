"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { ActionError } from "@/lib/action-result";
import { campaignMailFor, composeCampaignMail } from "@/lib/campaigns/compose-mail";
import { memberMergeValues, sampleValues } from "@/lib/campaigns/preview";
import { queueCampaign } from "@/lib/campaigns/queue-campaign";
import { summarizeRecipients } from "@/lib/campaigns/recipients";
import { campaignInputSchema, previewSchema, recipientCountSchema, testSendSchema } from "@/lib/campaigns/schemas";
import { sendMail } from "@/lib/mail/send";
import { resolveLocale } from "@/lib/i18n/locales";

const access = { permission: "campaigns", feature: "emailCampaigns" } as const;

export const countRecipientsAction = staffAction({ schema: recipientCountSchema, ...access }, async ({ recipients }, { dojo }) => {
  return summarizeRecipients(await getDb(), dojo.id, recipients);
});

export const previewCampaignAction = staffAction({ schema: previewSchema, ...access }, async ({ memberId, ...content }, { dojo }) => {
  const { member, values } = await memberMergeValues(await getDb(), dojo, memberId);
  const mail = await composeCampaignMail(content, dojo.name, { memberId, email: member.email ?? "" }, values, resolveLocale(member.language, dojo.defaultLanguage));
  // The very parts a member receives: the HTML and the plain text their mail program may show.
  return { subject: mail.subject, html: mail.html, text: mail.text, to: member.email };
});

/** Renders for the chosen member (or sample values) and delivers to the signed-in staff user. */
export const testSendCampaignAction = staffAction({ schema: testSendSchema, ...access }, async ({ memberId, ...content }, { dojo, user }) => {
  const chosen = memberId ? await memberMergeValues(await getDb(), dojo, memberId) : null;
  const values = chosen ? chosen.values : sampleValues(dojo, user);
  const mail = campaignMailFor(content, dojo.name, memberId ?? user.id, values, resolveLocale(chosen?.member.language, dojo.defaultLanguage));
  const send = () => sendMail({ dojoName: dojo.name, to: user.email, subject: `[Test] ${mail.subject}`, react: mail.react });
  let result = await send();
  // Sent while the user waits, not queued: one short wait when Resend asks for it (a few requests a second).
  const waitMs = result.status === "retry" && result.rateLimited ? (result.retryAfterMs ?? 1_000) : Infinity;
  if (waitMs <= 2_000) {
    await new Promise((r) => setTimeout(r, waitMs));
    result = await send();
  }
  if (result.status !== "sent") throw new ActionError(`The test mail could not be sent: ${result.reason}`);
  return { to: user.email };
});

export const sendCampaignAction = staffAction({ schema: campaignInputSchema, ...access }, async (input, { dojo, user }) => {
  const db = await getDb();
  const campaign = await db.transaction((tx) => queueCampaign(tx, { dojoId: dojo.id, userId: user.id }, input));
  revalidatePath("/campaigns");
  return { id: campaign.id };
});
