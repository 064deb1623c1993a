import "server-only";
import { translator } from "@/lib/i18n/messages";
import { randomBytes } from "node:crypto";
import { createElement } from "react";
import CampaignMail from "@/emails/campaign";
import type { BatchMail } from "@/lib/mail/batch";
import { MERGE_CODES, isMergeCode, replaceMergeCodes, type MergeCode, type MergeValues } from "@/lib/mail/merge-codes";
import { escapeHtml, renderCampaignBody, renderCampaignSubject } from "@/lib/mail/render-campaign";
import { fromHeader, renderMail } from "@/lib/mail/send";
import { unsubscribeUrl } from "@/lib/mail/unsubscribe";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { composeCampaignMail, unsubscribeHeaders } from "./compose-mail";

/*
 * A campaign's mail rendered ONCE (React Email, Markdown, HTML-to-text) with a token where each
 * recipient's own value goes, then merged per recipient by plain string replacement: 10,000
 * mails cost one render and 10,000 replacements instead of 10,000 renders. The merge reproduces
 * the per-recipient render byte for byte (tests/integration/campaign-template.test.ts), so a
 * batch re-sent after a restart is identical for Resend's idempotency check whichever way it was made.
 *
 * Escaping follows where a token stands: in the body HTML a value is escaped as
 * lib/mail/render-campaign.ts escapes it, in the preview and the unsubscribe link as React escapes
 * text and attributes, and in the text part it stays raw (upper-cased where a heading upper-cased it).
 */

// react-email's <Preview>: the text cut at 150 characters, then padding up to 150 so mail
// programs show no body text after it.
const PREVIEW_MAX_LENGTH = 150;
const PREVIEW_PADDING = "\xA0\u200C\u200B\u200D\u200E\u200F\uFEFF";
const previewPadding = (text: string) => (text.length >= PREVIEW_MAX_LENGTH ? "" : `<div>${PREVIEW_PADDING.repeat(PREVIEW_MAX_LENGTH - text.length)}</div>`);

/** React's escaping of text and attribute values. */
function escapeReact(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

// A value the template can stand in for: html-to-text collapses runs of its whitespace
// (" \t\r\n\f\u200b") and drops empty text, and an empty link code prints no button, so any
// other value is rendered the slow way instead.
const PLAIN_VALUE = /^[^ \t\r\n\f\u200b]+( [^ \t\r\n\f\u200b]+)*$/;

export interface CampaignTemplate {
  /** The language of the footer around the body: one template per language of the recipients. */
  locale: Locale;
  campaign: { subject: string; body: string };
  dojoName: string;
  from: string;
  html: string;
  text: string;
  tokens: RegExp;
  /** The codes the subject and the mail use: only their values decide whether a merge reproduces the render. */
  codes: MergeCode[];
}

/** Renders the campaign's mail once, with tokens for every recipient's own values. */
export async function compileCampaignTemplate(campaign: { subject: string; body: string }, dojoName: string, locale: Locale): Promise<CampaignTemplate> {
  // Random per campaign run, so no text a member or staff typed can pass for a token.
  const nonce = randomBytes(8).toString("hex");
  const token = (name: string) => `zq${nonce}${name}qz`;
  const values = Object.fromEntries(Object.keys(MERGE_CODES).map((code) => [code, token(code)])) as MergeValues;
  const preview = token("preview");
  const { html, text } = await renderMail(
    createElement(CampaignMail, { locale, text: translator(locale, "emails"), dojoName, bodyHtml: renderCampaignBody(campaign.body, values), preview, unsubscribeUrl: token("unsubscribe") }),
  );
  // The preview's padding was counted for the token's length: it is recounted per recipient.
  const padded = `${preview}${previewPadding(preview)}`;
  if (html.split(padded).length !== 2) throw new Error("The campaign template has no single preview to fill in.");
  const tokens = new RegExp(`zq${nonce}([a-z]+)qz`, "gi");
  const codes = new Set<MergeCode>();
  replaceMergeCodes(campaign.subject, (code) => (codes.add(code), ""));
  for (const [, name] of `${html}${text}`.matchAll(tokens)) if (isMergeCode(name.toLowerCase())) codes.add(name.toLowerCase() as MergeCode);
  return { locale, campaign, dojoName, from: fromHeader(dojoName, env().MAIL_FROM_ADDRESS), html: html.replace(padded, preview), text, tokens, codes: [...codes] };
}

/** One recipient's mail from the template, or null when a value needs the full render. */
export function mergeCampaignMail(template: CampaignTemplate, recipient: { memberId: string; email: string }, values: MergeValues): BatchMail | null {
  // A code the campaign does not use (say {familyname}, empty outside a family) cannot change the mail.
  if (!template.codes.every((code) => PLAIN_VALUE.test(values[code]))) return null;
  const subject = renderCampaignSubject(template.campaign.subject, values);
  const unsubscribe = unsubscribeUrl(recipient.memberId);
  const html = template.html.replace(template.tokens, (whole, name: string) => {
    if (name === "preview") {
      const preview = subject.substring(0, PREVIEW_MAX_LENGTH);
      return `${escapeReact(preview)}${previewPadding(preview)}`;
    }
    if (name === "unsubscribe") return escapeReact(unsubscribe);
    return isMergeCode(name) ? escapeHtml(values[name]) : whole;
  });
  const text = template.text.replace(template.tokens, (whole, name: string) => {
    const key = name.toLowerCase();
    const value = key === "unsubscribe" ? unsubscribe : isMergeCode(key) ? values[key] : null;
    if (value === null) return whole;
    // Tokens in a heading come out upper-cased, as html-to-text upper-cases headings.
    return whole.startsWith("ZQ") ? value.toUpperCase() : value;
  });
  return { from: template.from, to: recipient.email, subject, html, text, headers: unsubscribeHeaders(recipient.memberId) };
}

/** The mails of a batch: merged from the template, or fully rendered where a value needs it. */
export async function composeCampaignMails(template: CampaignTemplate, recipients: Array<{ memberId: string; email: string; values: MergeValues }>): Promise<BatchMail[]> {
  const mails: BatchMail[] = [];
  for (const r of recipients) {
    mails.push(mergeCampaignMail(template, r, r.values) ?? (await composeCampaignMail(template.campaign, template.dojoName, r, r.values, template.locale)));
  }
  return mails;
}

