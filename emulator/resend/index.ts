import type { IncomingMessage, ServerResponse } from "node:http";
import { handleResendApi } from "./api";
import { readBody, sendHtml, sendJson } from "../http";
import { IdempotencyStore } from "./idempotency";
import { Inbox } from "./inbox";
import { renderInboxPage } from "./inbox-page";
import { publicMail } from "./mail";
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

  async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === "POST") {
      let body: { rateLimitPerSecond?: unknown; apiKey?: unknown; rateLimitNext?: unknown };
      try {
        body = JSON.parse((await readBody(req)) || "{}");
      } catch {
        sendJson(res, 400, { error: "Body must be JSON: { rateLimitPerSecond?: number, rateLimitNext?: number, apiKey?: string }" });
        return;
      }
      const apiKey = typeof body.apiKey === "string" ? body.apiKey : undefined;
      const next = body.rateLimitNext;
      if (next !== undefined) {
        if (typeof next !== "number" || !Number.isInteger(next) || next < 0 || !apiKey) {
          sendJson(res, 400, { error: "rateLimitNext must be a whole number of requests, with apiKey" });
          return;
        }
        limiter.forceLimited(apiKey, next);
      }
      const rate = body.rateLimitPerSecond;
      if (rate !== undefined || next === undefined) {
        if (typeof rate !== "number" || !Number.isFinite(rate)) {
          sendJson(res, 400, { error: "rateLimitPerSecond must be a number (0 = unlimited)" });
          return;
        }
        limiter.configure(rate, apiKey);
      }
    }
    sendJson(res, 200, { rateLimitPerSecond: limiter.limitFor("") });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (path === "/resend" || path.startsWith("/resend/")) {
      await handleResendApi(req, res, path.slice("/resend".length), { inbox, limiter, idempotency });
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
    if (path === "/_inbox" || path === "/_inbox/") {
      const to = url.searchParams.get("to");
      sendHtml(res, 200, renderInboxPage(inbox.list({ to }), url.searchParams.get("id"), to));
      return true;
    }
    if (path === "/_control/resend") {
      await control(req, res);
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
    },
  };
}
