import type { IncomingMessage, ServerResponse } from "node:http";
import { handleResendApi } from "./api";
import { readBody, sendHtml, sendJson } from "../http";
import { KeyClocks } from "./clock";
import { IdempotencyStore } from "./idempotency";
import { Inbox } from "./inbox";
import { renderInboxPage } from "./inbox-page";
import { publicMail } from "./mail";
import { OUTAGE_STATUSES, Outages, type OutageStatus } from "./outage";
import { RateLimiter } from "./rate-limit";

export type ResendEmulator = {
  /** Handles `/resend/*`, `/_inbox`, `/_inbox.json` and `/_control/resend`; false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  reset(): void;
  inbox: Inbox;
};

/** Resend's own default; EMULATOR_RESEND_RATE overrides it (0 = unlimited). */
function defaultRate(): number {
  const fromEnv = Number(process.env.EMULATOR_RESEND_RATE);
  return process.env.EMULATOR_RESEND_RATE !== undefined && Number.isFinite(fromEnv) ? fromEnv : 2;
}

export function createResendEmulator(opts: { rateLimitPerSecond?: number } = {}): ResendEmulator {
  const initialRate = opts.rateLimitPerSecond ?? defaultRate();
  const inbox = new Inbox();
  const limiter = new RateLimiter(initialRate);
  const idempotency = new IdempotencyStore();
  const clocks = new KeyClocks();
  const outages = new Outages();

  type ControlBody = { apiKey?: unknown; rateLimitPerSecond?: unknown; rateLimitNext?: unknown; outage?: unknown; clockMs?: unknown };

  /** Applies each setting the body names; the error of the first invalid one, or null. */
  function configure(body: ControlBody): string | null {
    const apiKey = typeof body.apiKey === "string" && body.apiKey ? body.apiKey : undefined;
    const named = (["rateLimitPerSecond", "rateLimitNext", "outage", "clockMs"] as const).filter((k) => body[k] !== undefined);
    if (named.length === 0) return "rateLimitPerSecond must be a number (0 = unlimited)";
    if (named.some((k) => k !== "rateLimitPerSecond") && !apiKey) return `${named.join(", ")} need apiKey`;
    const { rateLimitPerSecond: rate, rateLimitNext: next, outage, clockMs } = body;
    if (rate !== undefined && (typeof rate !== "number" || !Number.isFinite(rate))) return "rateLimitPerSecond must be a number (0 = unlimited)";
    if (next !== undefined && (typeof next !== "number" || !Number.isInteger(next) || next < 0)) return "rateLimitNext must be a whole number of requests";
    if (clockMs !== undefined && clockMs !== null && (typeof clockMs !== "number" || !Number.isFinite(clockMs))) return "clockMs must be a time in milliseconds since 1970, or null for real time";
    const o = outage as { seconds?: unknown; status?: unknown } | null | undefined;
    if (o !== undefined && o !== null) {
      if (typeof o !== "object" || typeof o.seconds !== "number" || !(o.seconds >= 0)) return "outage must be { seconds, status?: 429 | 500 | 503 } or null";
      if (o.status !== undefined && !OUTAGE_STATUSES.includes(o.status as OutageStatus)) return "outage.status must be 429, 500 or 503";
    }
    // The clock first, so an outage set in the same request starts at the new time.
    if (clockMs !== undefined) clocks.set(apiKey!, clockMs as number | null);
    if (rate !== undefined) limiter.configure(rate as number, apiKey);
    if (next !== undefined) limiter.forceLimited(apiKey!, next as number);
    if (o === null) outages.stop(apiKey!);
    else if (o) outages.start(apiKey!, clocks.now(apiKey!), o.seconds as number, (o.status as OutageStatus | undefined) ?? 503);
    return null;
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let apiKey = url.searchParams.get("apiKey");
    if (req.method === "POST") {
      let body: ControlBody;
      try {
        body = JSON.parse((await readBody(req)) || "{}");
      } catch {
        sendJson(res, 400, { error: "Body must be JSON: { apiKey?, rateLimitPerSecond?, rateLimitNext?, outage?: { seconds, status? } | null, clockMs?: number | null }" });
        return;
      }
      const error = configure(body ?? {});
      if (error) {
        sendJson(res, 400, { error });
        return;
      }
      if (typeof body.apiKey === "string" && body.apiKey) apiKey = body.apiKey;
    }
    if (!apiKey) {
      sendJson(res, 200, { rateLimitPerSecond: limiter.limitFor("") });
      return;
    }
    const now = clocks.now(apiKey);
    sendJson(res, 200, { rateLimitPerSecond: limiter.limitFor(apiKey), clock: new Date(now).toISOString(), outage: outages.describe(apiKey, now) });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (path === "/resend" || path.startsWith("/resend/")) {
      await handleResendApi(req, res, path.slice("/resend".length), { inbox, limiter, idempotency, clocks, outages });
      return true;
    }
    if (path === "/_inbox.json") {
      if (req.method === "DELETE") {
        sendJson(res, 200, { deleted: inbox.clear({ to: url.searchParams.get("to") }) });
      } else {
        sendJson(res, 200, { object: "list", data: inbox.list({ to: url.searchParams.get("to") }).map(publicMail) });
      }
      return true;
    }
    // One attachment of a mail, as a file: `/_inbox/<mail id>/attachments/<index>`.
    const file = /^\/_inbox\/([^/]+)\/attachments\/(\d+)$/.exec(path);
    if (file) {
      const attachment = inbox.get(decodeURIComponent(file[1]))?.attachments[Number(file[2])];
      if (!attachment) {
        sendJson(res, 404, { error: "No such attachment" });
        return true;
      }
      const bytes = Buffer.from(attachment.content, "base64");
      res.writeHead(200, { "content-type": attachment.content_type, "content-length": String(bytes.length), "content-disposition": `inline; filename="${attachment.filename.replace(/["\\\r\n]/g, "_")}"` });
      res.end(bytes);
      return true;
    }
    if (path === "/_inbox" || path === "/_inbox/") {
      const to = url.searchParams.get("to");
      sendHtml(res, 200, renderInboxPage(inbox.list({ to }), url.searchParams.get("id"), to));
      return true;
    }
    if (path === "/_control/resend") {
      await control(req, res, url);
      return true;
    }
    return false;
  }

  return {
    handle,
    inbox,
    reset() {
      inbox.clear();
      idempotency.clear();
      limiter.reset(initialRate);
      clocks.clear();
      outages.clear();
    },
  };
}
