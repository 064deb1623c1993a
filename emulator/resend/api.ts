import type { IncomingMessage, ServerResponse } from "node:http";
import type { KeyClocks } from "./clock";
import { ResendError } from "./errors";
import { fingerprint, IdempotencyStore } from "./idempotency";
import type { Inbox } from "./inbox";
import { acceptMail, publicMail, type InboxMail } from "./mail";
import { answerOutage, type Outages } from "./outage";
import type { RateLimiter } from "./rate-limit";
import { readBody, sendJson } from "../http";

const MAX_BATCH = 100;

type Answer = { status: number; body: unknown };

export type ResendApiDeps = { inbox: Inbox; limiter: RateLimiter; idempotency: IdempotencyStore; clocks: KeyClocks; outages: Outages };

function apiKeyOf(req: IncomingMessage): string {
  const header = req.headers.authorization;
  if (!header) throw new ResendError(401, "missing_api_key", "Missing API key in the authorization header.");
  const match = /^Bearer\s+(\S+)$/.exec(header);
  if (!match || !match[1].startsWith("re_")) throw new ResendError(403, "invalid_api_key", "API key is invalid.");
  return match[1];
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ResendError(422, "validation_error", "The request body is not valid JSON.");
  }
}

function sendEmail(body: unknown, apiKey: string, now: Date, deps: ResendApiDeps): Answer {
  const mail = acceptMail(body, apiKey, now);
  deps.inbox.add(mail);
  return { status: 200, body: { id: mail.id } };
}

/**
 * Strict mode (the default) refuses the whole batch on the first invalid mail; permissive mode
 * sends the valid ones and lists the others under `errors`, as Resend's `x-batch-validation` does.
 */
function sendBatch(body: unknown, apiKey: string, permissive: boolean, now: Date, deps: ResendApiDeps): Answer {
  if (!Array.isArray(body)) throw new ResendError(422, "validation_error", "The request body must be an array of emails.");
  if (body.length === 0) throw new ResendError(422, "validation_error", "The batch must contain at least 1 email.");
  if (body.length > MAX_BATCH) {
    throw new ResendError(422, "validation_error", `Too many emails in the batch: at most ${MAX_BATCH} are allowed, got ${body.length}.`);
  }
  const accepted: InboxMail[] = [];
  const errors: { index: number; message: string }[] = [];
  body.forEach((item, index) => {
    try {
      accepted.push(acceptMail(item, apiKey, now, { batch: true }));
    } catch (error) {
      if (!(error instanceof ResendError) || !permissive) throw error;
      errors.push({ index, message: error.message });
    }
  });
  for (const mail of accepted) deps.inbox.add(mail);
  const data = accepted.map((m) => ({ id: m.id }));
  return { status: 200, body: permissive ? { data, errors } : { data } };
}

function send(res: ServerResponse, answer: Answer, extraHeaders: Record<string, string> = {}): void {
  sendJson(res, answer.status, answer.body, extraHeaders);
}

/** `/resend/*`: the subset of api.resend.com the app uses (send, batch send, retrieve). */
export async function handleResendApi(req: IncomingMessage, res: ServerResponse, path: string, deps: ResendApiDeps): Promise<void> {
  try {
    const apiKey = apiKeyOf(req);
    const now = deps.clocks.now(apiKey);
    const outage = deps.outages.at(apiKey, now);
    if (outage) {
      answerOutage(res, outage);
      return;
    }
    const rate = deps.limiter.take(apiKey, now);
    const rateHeaders: Record<string, string> = rate.limit > 0
      ? { "ratelimit-limit": String(rate.limit), "ratelimit-remaining": String(rate.remaining), "ratelimit-reset": String(rate.resetSeconds) }
      : {};
    if (!rate.allowed) {
      const error = new ResendError(
        429,
        "rate_limit_exceeded",
        `Too many requests. You can only make ${rate.limit} requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.`,
      );
      send(res, { status: 429, body: error.body() }, { ...rateHeaders, "retry-after": String(rate.resetSeconds) });
      return;
    }

    const getMatch = /^\/emails\/([^/]+)$/.exec(path);
    if (req.method === "GET" && getMatch) {
      const mail = deps.inbox.get(decodeURIComponent(getMatch[1]));
      if (!mail || mail.apiKey !== apiKey) throw new ResendError(404, "not_found", "Email not found");
      // Resend's retrieve lists no attachment content: the files are the inbox's (`/_inbox.json`).
      const { attachments: _files, ...retrieved } = publicMail(mail);
      send(res, { status: 200, body: retrieved }, rateHeaders);
      return;
    }

    const isSend = path === "/emails";
    const isBatch = path === "/emails/batch";
    if (!isSend && !isBatch) throw new ResendError(404, "not_found", "The requested endpoint does not exist.");
    if (req.method !== "POST") throw new ResendError(405, "method_not_allowed", "Method is not allowed for the requested path.");

    const body = parseJson(await readBody(req));
    const permissive = isBatch && req.headers["x-batch-validation"] === "permissive";
    const idempotencyKey = req.headers["idempotency-key"];
    const key = typeof idempotencyKey === "string" ? idempotencyKey : undefined;
    const print = fingerprint(`${path}${permissive ? "?permissive" : ""}`, body);
    if (key !== undefined) {
      IdempotencyStore.validateKey(key);
      const replay = deps.idempotency.lookup(apiKey, key, print, now);
      if (replay) {
        send(res, replay, rateHeaders);
        return;
      }
    }
    const answer = isSend ? sendEmail(body, apiKey, new Date(now), deps) : sendBatch(body, apiKey, permissive, new Date(now), deps);
    // Only sent mail is remembered, so a request refused for bad input can be corrected and retried.
    if (key !== undefined) deps.idempotency.record(apiKey, key, print, answer.status, answer.body, now);
    send(res, answer, rateHeaders);
  } catch (error) {
    if (error instanceof ResendError) {
      send(res, { status: error.statusCode, body: error.body() });
      return;
    }
    throw error;
  }
}
