import { escapeHtml } from "../http";
import type { InboxMail } from "./mail";

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC";
}

function query(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : "";
}

function listItem(mail: InboxMail, selected: boolean, to: string | null): string {
  return `<li><a class="item${selected ? " selected" : ""}" href="/_inbox${query({ to, id: mail.id })}"${selected ? ' aria-current="true"' : ""}>
    <span class="subject">${escapeHtml(mail.subject)}</span>
    <span class="meta">To ${escapeHtml(mail.to.join(", "))}</span>
    <span class="meta">${escapeHtml(formatTime(mail.created_at))}</span>
  </a></li>`;
}

function detail(mail: InboxMail): string {
  const rows: [string, string | null][] = [
    ["From", mail.from],
    ["To", mail.to.join(", ")],
    ["Cc", mail.cc?.join(", ") ?? null],
    ["Bcc", mail.bcc?.join(", ") ?? null],
    ["Reply-To", mail.reply_to?.join(", ") ?? null],
    ["Date", formatTime(mail.created_at)],
    ["Tags", mail.tags?.map((t) => `${t.name}=${t.value}`).join(", ") || null],
    ...Object.entries(mail.headers ?? {}).map(([k, v]): [string, string] => [k, v]),
  ];
  // Links in a mail open in a new tab; the sandbox keeps the mail's own scripts from running here.
  const srcdoc = mail.html ? `<base target="_blank">${mail.html}` : null;
  return `<article class="mail" aria-label="${escapeHtml(mail.subject)}">
    <h2>${escapeHtml(mail.subject)}</h2>
    <dl>${rows
      .filter(([, v]) => v)
      .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v ?? "")}</dd>`)
      .join("")}</dl>
    ${mail.attachments.length ? `<h3>Attachments</h3><ul class="files">${mail.attachments.map((a, i) => `<li><a href="/_inbox/${encodeURIComponent(mail.id)}/attachments/${i}" target="_blank" rel="noopener">${escapeHtml(a.filename)}</a> <span class="meta-inline">${escapeHtml(a.content_type)}, ${Math.max(1, Math.round(a.size / 1024))} KB</span></li>`).join("")}</ul>` : ""}
    ${srcdoc ? `<h3>HTML</h3><iframe title="HTML part" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(srcdoc)}"></iframe>` : ""}
    ${mail.text ? `<h3>Text</h3><pre class="text">${escapeHtml(mail.text)}</pre>` : ""}
  </article>`;
}

/** The developer's mailbox at `/_inbox`: newest mail first, one mail shown with its HTML and text. */
export function renderInboxPage(mails: InboxMail[], selectedId: string | null, to: string | null): string {
  const selected = mails.find((m) => m.id === selectedId) ?? mails[0];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inbox · Tatami emulator</title>
<style>
  :root { color-scheme: light; --line: #e4e7ec; --muted: #667085; --accent: #4f46e5; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #101828; background: #f9fafb; }
  header { display: flex; gap: 16px; align-items: center; padding: 12px 20px; background: #fff; border-bottom: 1px solid var(--line); }
  header h1 { font-size: 16px; margin: 0; }
  header .count { color: var(--muted); }
  header form { margin-left: auto; display: flex; gap: 8px; }
  input, button { font: inherit; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
  button { cursor: pointer; }
  button.danger { color: #b42318; }
  main { display: grid; grid-template-columns: minmax(240px, 340px) 1fr; height: calc(100vh - 57px); }
  nav { overflow-y: auto; border-right: 1px solid var(--line); background: #fff; }
  nav ul { list-style: none; margin: 0; padding: 0; }
  .item { display: block; padding: 10px 16px; border-bottom: 1px solid var(--line); color: inherit; text-decoration: none; }
  .item:hover { background: #f2f4f7; }
  .item.selected { background: #eef2ff; border-left: 3px solid var(--accent); padding-left: 13px; }
  .subject { display: block; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .meta { display: block; color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  section { overflow-y: auto; padding: 20px 28px; }
  .mail h2 { margin: 0 0 12px; font-size: 20px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 16px; }
  dt { color: var(--muted); }
  dd { margin: 0; word-break: break-all; }
  h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 20px 0 8px; }
  iframe { width: 100%; height: 60vh; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
  pre.text { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin: 0; }
  ul.files { margin: 0; padding-left: 18px; }
  .meta-inline { color: var(--muted); font-size: 12px; }
  .empty { color: var(--muted); padding: 40px; text-align: center; }
</style></head>
<body>
<header>
  <h1>Inbox</h1><span class="count">${mails.length} ${mails.length === 1 ? "message" : "messages"}${to ? ` to ${escapeHtml(to)}` : ""}</span>
  <form method="get" action="/_inbox" role="search">
    <input type="search" name="to" placeholder="Filter by recipient" aria-label="Filter by recipient" value="${escapeHtml(to ?? "")}">
    <button type="submit">Filter</button>
    <button type="button" class="danger" id="clear">Clear inbox</button>
  </form>
</header>
${
  mails.length === 0
    ? `<p class="empty">No mail yet. Everything the app sends through Resend lands here.</p>`
    : `<main><nav aria-label="Messages"><ul>${mails.map((m) => listItem(m, m === selected, to)).join("")}</ul></nav>
<section>${detail(selected)}</section></main>`
}
<script>
  document.getElementById("clear").addEventListener("click", async () => {
    if (!confirm("Delete every message in the inbox?")) return;
    await fetch("/_inbox.json", { method: "DELETE" });
    location.href = "/_inbox";
  });
</script>
</body></html>`;
}
