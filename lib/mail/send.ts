import "server-only";
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import { Resend } from "resend";
import { env } from "@/lib/env";

export interface MailInput {
  /** Shown as the sender's name; the address is always MAIL_FROM_ADDRESS. */
  dojoName: string;
  to: string;
  subject: string;
  react: ReactElement;
  /** Resend keeps it 24 hours: a repeated send of the same mail is delivered once. */
  idempotencyKey?: string;
  /** Extra headers, e.g. List-Unsubscribe on campaign mail. */
  headers?: Record<string, string>;
}

export type MailResult = { sent: true; id: string } | { sent: false; reason: string };

const RATE_LIMIT_RETRIES = 2;

// A display name in quotes, so commas or angle brackets in a dojo's name cannot break the header.
export function fromHeader(dojoName: string, address: string): string {
  const name = dojoName.replace(/[\r\n"\\<>]/g, " ").replace(/\s+/g, " ").trim();
  return name ? `"${name}" <${address}>` : address;
}

/** The HTML and plain-text parts of a react-email template. */
export async function renderMail(react: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(react);
  return { html, text: toPlainText(html) };
}

/**
 * Sends one mail through Resend (RESEND_BASE_URL, read by the SDK, points it at the emulator),
 * HTML and plain text. It never throws: callers send after their transaction has committed and
 * a mail failure must not look like a failed payment. Without RESEND_API_KEY it logs and skips.
 */
export async function sendMail(input: MailInput): Promise<MailResult> {
  const { RESEND_API_KEY, MAIL_FROM_ADDRESS } = env();
  if (!RESEND_API_KEY) {
    console.info(`Mail to ${input.to} not sent (RESEND_API_KEY is not set): ${input.subject}`);
    return { sent: false, reason: "not configured" };
  }
  try {
    const { html, text } = await renderMail(input.react);
    const resend = new Resend(RESEND_API_KEY);
    const payload = { from: fromHeader(input.dojoName, MAIL_FROM_ADDRESS), to: input.to, subject: input.subject, html, text, ...(input.headers ? { headers: input.headers } : {}) };
    for (let attempt = 0; ; attempt++) {
      const { data, error } = await resend.emails.send(payload, input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : undefined);
      if (data) return { sent: true, id: data.id };
      // Resend allows a few requests per second; a short wait is enough for a single mail.
      if (error?.name === "rate_limit_exceeded" && attempt < RATE_LIMIT_RETRIES) {
        await new Promise((r) => setTimeout(r, 1_000 * (attempt + 1)));
        continue;
      }
      console.error(`Mail to ${input.to} failed: ${error?.name} ${error?.message}`);
      return { sent: false, reason: error?.message ?? "unknown error" };
    }
  } catch (error) {
    console.error(`Mail to ${input.to} failed`, error);
    return { sent: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
