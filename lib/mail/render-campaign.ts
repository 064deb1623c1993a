import { Marked, type Tokens } from "marked";
import { isUrlCode, replaceMergeCodes, URL_CODE_BUTTONS, URL_CODES, type MergeCode, type MergeValues } from "./merge-codes";
import { mailStyles } from "@/emails/styles";

// Merge codes are swapped for sentinels before Markdown runs and for the HTML-escaped values
// after, so a member's name can neither inject markup nor Markdown (`<b>Bob</b>` stays text).
// Where the sentinel stands decides what a URL code becomes: a link's target (`href="…"`) or text
// inside a link stays the URL; anywhere else it becomes a button (`{stripecardlink}` → "Add my card").
const sentinel = (code: MergeCode) => `tatamimerge${code}tatamimerge`;
const SENTINEL = /(href=")?tatamimerge([a-z]+)tatamimerge/g;
// A code inside a link's text: printed as its value, never as a button (no link inside a link).
const plain = (code: string) => `tatamiplain${code}tatamiplain`;
const PLAIN = /tatamiplain([a-z]+)tatamiplain/g;

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
      const text = this.parser.parseInline(tokens).replace(/tatamimerge([a-z]+)tatamimerge/g, (_, code: string) => plain(code));
      if (!SAFE_URL.test(href) && !URL_SENTINEL.test(href)) return text;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ""} style="color:#b45309">${text}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

const BUTTON_STYLE = Object.entries(mailStyles.button)
  .map(([key, value]) => `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`)
  .join(";");

/** A URL code on its own: a button in the HTML part; its text part (html-to-text) reads "Add my card https://…". */
function button(label: string, url: string): string {
  return `<a href="${escapeHtml(url)}" style="${BUTTON_STYLE}">${escapeHtml(label)}</a>`;
}

/** The body's HTML for one recipient: Markdown rendered, merge values escaped, lone URL codes as buttons. */
export function renderCampaignBody(body: string, values: MergeValues): string {
  const html = markdown.parse(replaceMergeCodes(body, sentinel), { async: false }) as string;
  return html
    .replace(SENTINEL, (whole, inHref: string | undefined, code: MergeCode) => {
      if (!(code in values)) return whole;
      if (inHref) return `href="${escapeHtml(values[code])}`;
      // A URL code without a value (no link could be made) prints nothing rather than an empty button.
      if (isUrlCode(code)) return values[code] ? button(URL_CODE_BUTTONS[code], values[code]) : "";
      return escapeHtml(values[code]);
    })
    .replace(PLAIN, (whole, code: MergeCode) => (code in values ? escapeHtml(values[code]) : whole));
}

/** The subject for one recipient: plain text on one line. */
export function renderCampaignSubject(subject: string, values: MergeValues): string {
  return replaceMergeCodes(subject, (code) => values[code]).replace(/[\r\n]+/g, " ").trim();
}
