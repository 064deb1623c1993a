import { randomUUID } from "node:crypto";
import type { GetEmailResponseSuccess } from "resend";
import { ResendError } from "./errors";

/** One accepted e-mail as the inbox keeps it (Resend's retrieve shape plus the custom headers). */
/** One attachment as the inbox keeps it: the file itself (base64), to be read back by tests and the inbox page. */
export type InboxAttachment = { filename: string; content_type: string; size: number; content: string };

export type InboxMail = GetEmailResponseSuccess & {
  headers: Record<string, string> | null;
  attachments: InboxAttachment[];
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

// Resend's limit for one mail: 40 MB including the base64 encoding of its attachments.
const MAX_ATTACHMENT_BASE64 = 40 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const CONTENT_TYPES: Record<string, string> = { pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", txt: "text/plain", csv: "text/csv", ics: "text/calendar" };

/**
 * `attachments`: each with base64 `content` (or a `path` URL, which this machine does not fetch
 * and so refuses) and a `filename`. Not allowed on the batch endpoint or with `scheduled_at`.
 */
function attachments(value: unknown, opts: { batch: boolean; scheduled: boolean }): InboxAttachment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ResendError(422, "validation_error", "Invalid `attachments` field: expected an array.");
  if (value.length === 0) return [];
  if (opts.batch) throw new ResendError(422, "validation_error", "Attachments are not supported with the batch endpoint.");
  if (opts.scheduled) throw new ResendError(422, "validation_error", "Attachments are not supported with scheduled emails.");
  let total = 0;
  return value.map((item, i) => {
    const { content, filename, path, content_type: contentType } = (item ?? {}) as Record<string, unknown>;
    if (path !== undefined && path !== null) throw new ResendError(422, "validation_error", `Invalid \`attachments[${i}].path\`: the emulator does not fetch remote files; send \`content\`.`);
    if (typeof content !== "string" || content === "" || !BASE64.test(content)) throw new ResendError(422, "validation_error", `Invalid \`attachments[${i}].content\`: expected base64-encoded file content.`);
    if (typeof filename !== "string" || filename.trim() === "") throw new ResendError(422, "missing_required_field", `Missing \`attachments[${i}].filename\` field.`);
    if (contentType !== undefined && contentType !== null && typeof contentType !== "string") throw new ResendError(422, "validation_error", `Invalid \`attachments[${i}].content_type\`: expected a string.`);
    total += content.length;
    if (total > MAX_ATTACHMENT_BASE64) throw new ResendError(422, "validation_error", "Attachments exceed the 40 MB limit per email.");
    const extension = filename.split(".").pop()?.toLowerCase() ?? "";
    return { filename, content_type: (contentType as string | undefined) ?? CONTENT_TYPES[extension] ?? "application/octet-stream", size: Buffer.from(content, "base64").length, content };
  });
}

/** Validates one `POST /emails` body (or one mail of a batch) the way Resend does and turns it into an inbox record. */
export function acceptMail(input: unknown, apiKey: string, now: Date, opts: { batch?: boolean } = {}): InboxMail {
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
  const files = attachments(body.attachments, { batch: opts.batch ?? false, scheduled: scheduledAt !== null });
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
    attachments: files,
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
