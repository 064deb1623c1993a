import { escapeHtml } from "../../http";

/** Messages the pages post to the Stripe.js stand-in that embeds them (emulator/stripejs/stripe-v3.js). */
export const MESSAGE_PREFIX = "tatami-emulator:";

/**
 * Tells an embedding Stripe.js the page's height, so the frame fits it: growing and shrinking
 * (a 3-D Secure challenge is shorter than the card form it follows). The body's own height, not
 * the document's scroll height, which never drops below the frame's current height.
 */
export function resizeScript(): string {
  return `if (window.parent !== window) {
    var report = function () { window.parent.postMessage({ type: "${MESSAGE_PREFIX}resize", height: Math.ceil(document.body.getBoundingClientRect().height) }, "*"); };
    report();
    window.addEventListener("load", report);
    if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  }`;
}

/** The frame shared by the emulator's Stripe pages: a quiet, Stripe-like two-column card. */
export function page(opts: { title: string; body: string; embedded?: boolean; script?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>
  :root { color-scheme: light; --ink: #1a1f36; --muted: #697386; --line: #e3e8ee; --accent: #635bff; --danger: #df1b41; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: ${opts.embedded ? "transparent" : "#f6f9fc"}; }
  main { max-width: 920px; margin: ${opts.embedded ? "0 auto" : "48px auto"}; padding: 24px; display: grid; gap: 40px; grid-template-columns: 1fr 1fr; }
  main.single { grid-template-columns: 1fr; max-width: 480px; }
  @media (max-width: 760px) { main { grid-template-columns: 1fr; margin: 0 auto; gap: 24px; } }
  .merchant { color: var(--muted); font-weight: 600; display: flex; align-items: center; gap: 8px; }
  .badge { font-size: 11px; font-weight: 700; text-transform: uppercase; background: #ffde92; color: #983705; border-radius: 4px; padding: 1px 6px; }
  .total { font-size: 36px; font-weight: 650; margin: 8px 0 24px; letter-spacing: -0.5px; }
  .items { list-style: none; padding: 0; margin: 0; border-top: 1px solid var(--line); }
  .items li { display: flex; justify-content: space-between; gap: 12px; padding: 12px 0; border-bottom: 1px solid var(--line); }
  .items .qty { color: var(--muted); font-size: 13px; }
  form { display: grid; gap: 16px; }
  label { display: grid; gap: 6px; font-size: 13px; font-weight: 600; color: #3c4257; }
  input { font: inherit; padding: 10px 12px; border: 1px solid #cfd7df; border-radius: 6px; background: #fff; color: var(--ink); width: 100%; }
  input:focus { outline: 2px solid rgba(99, 91, 255, .35); border-color: var(--accent); }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  button { font: inherit; font-weight: 600; padding: 12px 16px; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
  button[disabled] { opacity: .6; cursor: progress; }
  button.secondary { background: #fff; color: var(--ink); border: 1px solid #cfd7df; }
  .error { color: var(--danger); background: #fff5f7; border: 1px solid #ffd1da; border-radius: 6px; padding: 10px 12px; }
  .note { color: var(--muted); font-size: 13px; }
  .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 24px; box-shadow: 0 2px 6px rgba(50, 50, 93, .06); }
  a { color: var(--accent); }
  h1 { font-size: 20px; margin: 0 0 8px; }
</style>
</head>
<body>
${opts.body}
${opts.script ? `<script>${opts.script}</script>` : ""}
</body>
</html>`;
}
