import "server-only";
import { Resend } from "resend";
import { env } from "@/lib/env";
import { resendFailure } from "./resend-failure";
import { NOT_CONFIGURED } from "./send";

export interface BatchMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

export type BatchResult =
  | { kind: "sent"; ids: string[] }
  | { kind: "rate-limited"; retryAfterMs: number }
  /** `permanent`: retrying the same request cannot succeed (validation, idempotency conflict). */
  | { kind: "error"; message: string; permanent: boolean };

const MAX_BATCH = 100;

/**
 * One call to Resend's batch API (at most 100 mails). The idempotency key makes a repeat of the
 * same batch (after a crash between Resend's answer and our commit) replay Resend's first answer
 * instead of sending again. Never throws.
 */
export async function sendBatch(mails: BatchMail[], idempotencyKey: string): Promise<BatchResult> {
  const { RESEND_API_KEY } = env();
  if (!RESEND_API_KEY) return { kind: "error", message: NOT_CONFIGURED, permanent: false };
  if (mails.length === 0 || mails.length > MAX_BATCH) return { kind: "error", message: `A batch holds 1 to ${MAX_BATCH} mails.`, permanent: true };
  try {
    const resend = new Resend(RESEND_API_KEY);
    const { data, error, headers } = await resend.batch.send(mails, { idempotencyKey });
    if (data) return { kind: "sent", ids: data.data.map((d) => d.id) };
    const failure = resendFailure(error, headers);
    if (failure.kind === "rate-limited") return { kind: "rate-limited", retryAfterMs: failure.retryAfterMs };
    // A batch under a used key with another body is a different batch, never "already sent".
    return { kind: "error", message: failure.message, permanent: failure.kind === "permanent" || failure.kind === "already-sent" };
  } catch (error) {
    return { kind: "error", message: error instanceof Error ? error.message : String(error), permanent: false };
  }
}
