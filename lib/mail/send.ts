import "server-only";
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import { Resend } from "resend";
import { env } from "@/lib/env";
import type { MailAttachment } from "./mail-kind";
import { resendFailure } from "./resend-failure";

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
  /** Sent base64-encoded by the SDK; Resend takes up to 40 MB per mail (not on the batch endpoint). */
  attachments?: MailAttachment[];
}

export type MailResult =
  /** Accepted by Resend; `id` is null when it had already accepted this mail (same idempotency key). */
  | { status: "sent"; id: string | null }
  /** Not now: Resend is down, slow or asks us to wait (`retryAfterMs`, not a failure when `rateLimited`). */
  | { status: "retry"; reason: string; retryAfterMs?: number; rateLimited: boolean }
  /** Never: Resend refuses the request as it is. */
  | { status: "refused"; reason: string };

export const NOT_CONFIGURED = "E-mail is not configured (RESEND_API_KEY is not set).";

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
 * One request to Resend (RESEND_BASE_URL, read by the SDK, points it at the emulator) with the
 * HTML and plain-text parts, and what its answer means. It never throws and never waits: retrying
 * is the mail queue's job (lib/mail/mail-job.ts), which sends every transactional mail.
 */
export async function sendMail(input: MailInput): Promise<MailResult> {
  const { RESEND_API_KEY, MAIL_FROM_ADDRESS } = env();
  // A configuration an operator can fix while the mail waits in the queue.
  if (!RESEND_API_KEY) return { status: "retry", reason: NOT_CONFIGURED, rateLimited: false };
  try {
    const { html, text } = await renderMail(input.react);
    const resend = new Resend(RESEND_API_KEY);
    const payload = { from: fromHeader(input.dojoName, MAIL_FROM_ADDRESS), to: input.to, subject: input.subject, html, text, ...(input.headers ? { headers: input.headers } : {}), ...(input.attachments?.length ? { attachments: input.attachments } : {}) };
    const { data, error, headers } = await resend.emails.send(payload, input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : undefined);
    if (data) return { status: "sent", id: data.id };
    const failure = resendFailure(error, headers);
    switch (failure.kind) {
      case "already-sent":
        return { status: "sent", id: null };
      case "rate-limited":
        return { status: "retry", reason: failure.message, retryAfterMs: failure.retryAfterMs, rateLimited: true };
      case "transient":
        return { status: "retry", reason: failure.message, rateLimited: false };
      case "permanent":
        return { status: "refused", reason: failure.message };
    }
  } catch (error) {
    return { status: "retry", reason: error instanceof Error ? error.message : String(error), rateLimited: false };
  }
}
