import type { IncomingMessage, ServerResponse } from "node:http";
import Stripe from "stripe";
import { readBody, sendJson } from "../http";
import { accountForKey, parseKey, type Account } from "./accounts";
import { runTraced, type ApiContext } from "./context";
import { StripeApiError, apiError, authenticationError, unrecognizedUrl } from "./errors";
import { applyExpansions } from "./expand";
import { takeFault } from "./faults";
import { parseForm, type FormObject } from "./form";
import { beginIdempotent, endIdempotent, fingerprint, lookupIdempotent, type SavedResponse } from "./idempotency";
import { newId } from "./ids";
import { Params } from "./params";
import { matchPattern, type Route } from "./route";
import { allRoutes } from "./routes";
import { schemaFor, validateParams } from "./schema/validate";

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

function bearerKey(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  if (header.startsWith("Bearer ")) return header.slice(7).trim();
  if (header.startsWith("Basic ")) return Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0];
  return null;
}

function maskKey(key: string): string {
  const m = /^([a-z]{2}_(?:test|live)_)/.exec(key);
  return m ? `${m[1]}${"*".repeat(Math.max(0, key.length - m[1].length - 4))}${key.slice(-4)}` : `${"*".repeat(Math.max(0, key.length - 4))}${key.slice(-4)}`;
}

function authenticate(key: string | null): { account: Account; publishable: boolean } {
  if (!key) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  const account = accountForKey(key);
  if (!account) throw authenticationError(`Invalid API Key provided: ${maskKey(key)}`);
  return { account, publishable: parseKey(key)?.kind === "publishable" };
}

function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of allRoutes()) {
    if (route.method !== method) continue;
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}

/**
 * Checks the parameters against the schema derived from the `stripe` package, then runs the
 * handler. A refused parameter is not recorded for idempotency: "We save results only after the
 * execution of an endpoint begins. If incoming parameters fail validation … no idempotent result
 * is saved" (https://docs.stripe.com/idempotency) — the refusal carries no record mark.
 */
function execute(ctx: ApiContext, route: Route): Answer {
  try {
    const schema = schemaFor(route.method, route.pattern);
    if (!schema) throw new Error(`no parameter schema for ${route.method} ${route.pattern}: run npm run emulator:schema`);
    validateParams(schema, ctx.params.raw);
    const result = runTraced({ requestId: ctx.requestId, idempotencyKey: ctx.idempotencyKey }, () => route.handler(ctx));
    const body = applyExpansions(ctx.account, structuredClone(result), ctx.params.expand());
    return { status: 200, body };
  } catch (err) {
    if (err instanceof StripeApiError) return { status: err.status, body: { error: err.body }, headers: recordHeader(err) };
    console.error("[emulator] handler failed", ctx.method, route.pattern, err);
    const e = apiError();
    return { status: e.status, body: { error: e.body } };
  }
}

// Marks answers that count as "the endpoint began executing" for idempotency purposes.
const RECORD = "x-emulator-record";
function recordHeader(err: StripeApiError): Record<string, string> | undefined {
  return err.recordForIdempotency ? { [RECORD]: "1" } : undefined;
}

/** Handles `/v1/*`: faults, authentication, parameters, idempotency, dispatch, expand. */
export async function handleStripeApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith("/v1/")) return false;
  const method = (req.method ?? "GET").toUpperCase();
  const requestId = newId("req");
  const key = bearerKey(req);
  const baseHeaders: Record<string, string> = { "request-id": requestId, "stripe-version": Stripe.API_VERSION };
  const rawBody = method === "POST" ? await readBody(req) : url.search.slice(1);

  const fault = takeFault(method, url.pathname, key);
  if (fault) {
    if (fault.kind === "hang") {
      const timer = setTimeout(() => res.destroy(), fault.hangMs);
      timer.unref();
      res.on("close", () => clearTimeout(timer));
      return true;
    }
    sendJson(res, fault.status, { error: { type: "api_error", message: "An unknown error occurred (injected by the emulator's fault control)." } }, baseHeaders);
    return true;
  }

  let answer: Answer;
  let replayed: SavedResponse | null = null;
  const idempotencyKey = method === "POST" ? ((req.headers["idempotency-key"] as string | undefined) ?? null) : null;
  try {
    const { account, publishable } = authenticate(key);
    const found = findRoute(method, url.pathname);
    if (!found) throw unrecognizedUrl(method, url.pathname);
    if (publishable && !found.route.publishable) {
      throw authenticationError(
        "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
      );
    }
    let form: FormObject;
    try {
      form = parseForm(rawBody);
    } catch {
      throw new StripeApiError(400, { type: "invalid_request_error", message: "Invalid request: the body could not be decoded." });
    }
    const ctx: ApiContext = { account, publishable, params: new Params(form, "", schemaFor(found.route.method, found.route.pattern) ?? undefined), path: found.params, method, requestId, idempotencyKey };
    if (idempotencyKey) {
      const endpoint = `${method} ${url.pathname}`;
      const print = fingerprint(form);
      replayed = lookupIdempotent(account, idempotencyKey, endpoint, print);
      if (replayed) {
        answer = { status: replayed.status, body: replayed.body };
      } else {
        beginIdempotent(account, idempotencyKey);
        let saved: SavedResponse | null = null;
        try {
          answer = execute(ctx, found.route);
          const record = answer.status === 200 || answer.headers?.[RECORD] === "1";
          if (record) saved = { endpoint, fingerprint: print, status: answer.status, body: answer.body, requestId };
        } finally {
          endIdempotent(account, idempotencyKey, saved);
        }
      }
    } else {
      answer = execute(ctx, found.route);
    }
  } catch (err) {
    if (!(err instanceof StripeApiError)) throw err;
    answer = { status: err.status, body: { error: err.body } };
  }

  const headers: Record<string, string> = { ...baseHeaders };
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  if (replayed) {
    headers["idempotent-replayed"] = "true";
    headers["original-request"] = replayed.requestId;
  }
  const body = answer.body as { error?: { request_log_url?: string } };
  if (body && typeof body === "object" && body.error && !replayed) {
    body.error.request_log_url = `https://dashboard.stripe.com/test/logs/${requestId}`;
  }
  sendJson(res, answer.status, answer.body, headers);
  return true;
}
