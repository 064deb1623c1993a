import { Marked, type Tokens } from "marked";
import { replaceMergeCodes, URL_CODES, type MergeCode, type MergeValues } from "./merge-codes";

// Merge codes are swapped for sentinels before Markdown runs and for the HTML-escaped values
// after, so a member's name can neither inject markup nor Markdown (`<b>Bob</b>` stays text).
const sentinel = (code: MergeCode) => `tatamimerge${code}tatamimerge`;
const SENTINEL = /tatamimerge([a-z]+)tatamimerge/g;

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;
const URL_SENTINEL = new RegExp(`^(${URL_CODES.map(sentinel).join("|")})$`);

const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    // Raw HTML typed into the body is shown as text, never rendered.
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, { href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!SAFE_URL.test(href) && !URL_SENTINEL.test(href)) return text;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ""} style="color:#b45309">${text}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

/** The body's HTML for one recipient: Markdown rendered, merge values escaped. */
export function renderCampaignBody(body: string, values: MergeValues): string {
  const html = markdown.parse(replaceMergeCodes(body, sentinel), { async: false }) as string;
  return html.replace(SENTINEL, (whole, code: MergeCode) => (code in values ? escapeHtml(values[code]) : whole));
}

/** The subject for one recipient: plain text on one line. */
export function renderCampaignSubject(subject: string, values: MergeValues): string {
  return replaceMergeCodes(subject, (code) => values[code]).replace(/[\r\n]+/g, " ").trim();
}
