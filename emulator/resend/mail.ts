import { randomUUID } from "node:crypto";
import type { GetEmailResponseSuccess } from "resend";
import { ResendError } from "./errors";

/** One accepted e-mail as the inbox keeps it (Resend's retrieve shape plus the custom headers). */
export type InboxMail = GetEmailResponseSuccess & {
  headers: Record<string, string> | null;
  /** The API key that sent it: `GET /emails/:id` only answers its own sender, like a Resend team. */
  apiKey: string;
};

const MAX_RECIPIENTS = 50;
// Resend accepts `email@example.com` or `Name <email@example.com>`.
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const NAMED_ADDRESS = /^[^<>]*<([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>$/;

function isAddress(value: string): boolean {
  const trimmed = value.trim();
  return ADDRESS.test(trimmed) || NAMED_ADDRESS.test(trimmed);
}

function recipients(value: unknown, field: string, required: boolean): string[] | null {
  if (value === undefined || value === null) {
    if (required) throw new ResendError(422, "missing_required_field", `Missing \`${field}\` field.`);
    return null;
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 && required) throw new ResendError(422, "missing_required_field", `Missing \`${field}\` field.`);
  if (list.length > MAX_RECIPIENTS) {
    throw new ResendError(422, "validation_error", `Too many recipients in \`${field}\`: at most ${MAX_RECIPIENTS} are allowed.`);
  }
  for (const entry of list) {
    if (typeof entry !== "string" || !isAddress(entry)) {
      throw new ResendError(
        422,
        "validation_error",
        `Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`,
      );
    }
  }
  return list as string[];
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new ResendError(422, "validation_error", `Invalid \`${field}\` field: expected a string.`);
  return value;
}

function headers(value: unknown): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ResendError(422, "validation_error", "Invalid `headers` field: expected an object of strings.");
  }
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== "string") throw new ResendError(422, "validation_error", `Invalid header \`${name}\`: expected a string.`);
    out[name] = v;
  }
  return out;
}

// Tag names and values may only hold ASCII letters, digits, underscores and dashes (Resend's rule).
const TAG_PART = /^[A-Za-z0-9_-]{1,256}$/;

function tags(value: unknown): { name: string; value: string }[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new ResendError(422, "validation_error", "Invalid `tags` field: expected an array.");
  return value.map((tag) => {
    const { name, value: tagValue } = (tag ?? {}) as { name?: unknown; value?: unknown };
    if (typeof name !== "string" || !TAG_PART.test(name) || typeof tagValue !== "string" || !TAG_PART.test(tagValue)) {
      throw new ResendError(
        422,
        "validation_error",
        "Invalid `tags` field: names and values may only contain ASCII letters, numbers, underscores or dashes.",
      );
    }
    return { name, value: tagValue };
  });
}

/** Validates one `POST /emails` body the way Resend does and turns it into an inbox record. */
export function acceptMail(input: unknown, apiKey: string, now: Date): InboxMail {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ResendError(422, "validation_error", "The request body must be a JSON object.");
  }
  const body = input as Record<string, unknown>;
  const from = optionalString(body.from, "from");
  if (!from) throw new ResendError(422, "missing_required_field", "Missing `from` field.");
  if (!isAddress(from)) {
    throw new ResendError(
      422,
      "validation_error",
      "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
    );
  }
  const subject = optionalString(body.subject, "subject");
  if (!subject) throw new ResendError(422, "missing_required_field", "Missing `subject` field.");
  const html = optionalString(body.html, "html");
  const text = optionalString(body.text, "text");
  if (html === null && text === null) {
    throw new ResendError(422, "missing_required_field", "Missing `html` or `text` field.");
  }
  const scheduledAt = optionalString(body.scheduled_at, "scheduled_at");
  return {
    object: "email",
    id: randomUUID(),
    message_id: `<${randomUUID()}@emulator.resend.local>`,
    created_at: now.toISOString(),
    from,
    to: recipients(body.to, "to", true) ?? [],
    cc: recipients(body.cc, "cc", false),
    bcc: recipients(body.bcc, "bcc", false),
    reply_to: recipients(body.reply_to, "reply_to", false),
    subject,
    html,
    text,
    headers: headers(body.headers),
    tags: tags(body.tags),
    scheduled_at: scheduledAt,
    // Nothing leaves this machine: every accepted mail counts as delivered to the local inbox.
    last_event: scheduledAt ? "scheduled" : "delivered",
    apiKey,
  };
}

/** The public view of a mail (what `GET /emails/:id` and the inbox JSON return). */
export function publicMail(mail: InboxMail): Omit<InboxMail, "apiKey"> {
  const { apiKey: _apiKey, ...rest } = mail;
  return rest;
}

/** The bare address of `Name <a@b.c>` or `a@b.c`, lower-cased, for filtering. */
export function bareAddress(value: string): string {
  const named = NAMED_ADDRESS.exec(value.trim());
  return (named ? named[1] : value.trim()).toLowerCase();
}
