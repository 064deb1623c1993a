import "server-only";
import { translator } from "@/lib/i18n/messages";
import { createElement, type ReactElement } from "react";
import CampaignMail from "@/emails/campaign";
import { fromHeader, renderMail } from "@/lib/mail/send";
import type { BatchMail } from "@/lib/mail/batch";
import type { MergeValues } from "@/lib/mail/merge-codes";
import { renderCampaignBody, renderCampaignSubject } from "@/lib/mail/render-campaign";
import { oneClickUnsubscribeUrl, unsubscribeUrl } from "@/lib/mail/unsubscribe";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

/** One recipient's campaign mail as a template: subject, react element and unsubscribe headers. */
/** `locale` is the recipient member's language: staff write the body, the footer around it is translated. */
export function campaignMailFor(campaign: { subject: string; body: string }, dojoName: string, memberId: string, values: MergeValues, locale: Locale): { subject: string; react: ReactElement; headers: Record<string, string> } {
  const subject = renderCampaignSubject(campaign.subject, values);
  const bodyHtml = renderCampaignBody(campaign.body, values);
  return {
    subject,
    react: createElement(CampaignMail, { locale, text: translator(locale, "emails"), dojoName, bodyHtml, preview: subject, unsubscribeUrl: unsubscribeUrl(memberId) }),
    headers: unsubscribeHeaders(memberId),
  };
}

/** One-click unsubscribe (RFC 8058) for a campaign mail. */
export function unsubscribeHeaders(memberId: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(memberId)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** One recipient's campaign mail, ready for Resend's batch API. */
export async function composeCampaignMail(campaign: { subject: string; body: string }, dojoName: string, recipient: { memberId: string; email: string }, values: MergeValues, locale: Locale): Promise<BatchMail> {
  const { subject, react, headers } = campaignMailFor(campaign, dojoName, recipient.memberId, values, locale);
  const { html, text } = await renderMail(react);
  return { from: fromHeader(dojoName, env().MAIL_FROM_ADDRESS), to: recipient.email, subject, html, text, headers };
}
