import type { IncomingMessage, ServerResponse } from "node:http";
import { readJson, sendJson } from "./http";
import { accountForKey, revokeKey } from "./stripe/accounts";
import { isKnownApiVersion } from "./stripe/api-versions";
import { addFault, clearFaults, listFaults, type FaultInput } from "./stripe/faults";
import { settleRefundFailures } from "./stripe/refund-failures";
import { settleDebits } from "./stripe/bank-methods";
import { expireDueSessions } from "./stripe/resources/checkout-sessions";
import { configureDelivery, flushDeliveries, listDeliveries, settingsFor, type DeliverySettings } from "./stripe/webhooks";

/**
 * Test controls under `/_control` (JSON in, JSON out). Every setting can be scoped to one account
 * with `apiKey` so test files running in parallel do not disturb each other:
 *
 *   GET  /_control/webhooks?apiKey=            current delivery settings
 *   POST /_control/webhooks                    { apiKey?, mode: normal|duplicate|delay|shuffle, duplicates?, delayMs?,
 *                                                shuffleWindowMs?, retryScheduleMs?: number[], timeoutMs? }
 *   GET  /_control/webhooks/deliveries?apiKey=&event=&type=   delivery log with every attempt
 *   POST /_control/webhooks/flush              { apiKey? } send everything waiting now; answers when done
 *   GET  /_control/faults | DELETE /_control/faults
 *   POST /_control/faults                      { method, path ('/v1/x' or prefix '/v1/x/*'), count?, kind?: error|hang,
 *                                                status?, hangMs?, apiKey? }
 *   POST /_control/keys/revoke                 { apiKey } the key answers 401 from now on
 *   POST /_control/accounts/api-version        { apiKey, version } the account's default API version (events from now on)
 *   POST /_control/checkout/expire-due         { apiKey, asOf?: unix seconds } expire the account's open Checkout
 *                                                Sessions whose expires_at is at or before asOf (default now)
 *   POST /_control/refunds/settle              { apiKey? } refunds that fail asynchronously (card 5126) fail now
 *   POST /_control/debits/settle               { apiKey? } processing SEPA debits succeed, fail or are disputed now (per test IBAN)
 *   POST /_control/reset                       forget everything (all accounts, deliveries, faults, mail)
 */
export function createControl(reset: () => void) {
  function accountId(apiKey: unknown): string | undefined {
    if (apiKey === undefined || apiKey === null || apiKey === "") return undefined;
    const account = typeof apiKey === "string" ? accountForKey(apiKey) : null;
    if (!account) throw new Error(`apiKey is not a valid Stripe key: ${String(apiKey)}`);
    return account.id;
  }

  return async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (!path.startsWith("/_control/")) return false;
    const method = req.method ?? "GET";
    try {
      if (path === "/_control/reset" && method === "POST") {
        reset();
        sendJson(res, 200, { reset: true });
      } else if (path === "/_control/webhooks" && method === "GET") {
        const id = accountId(url.searchParams.get("apiKey"));
        sendJson(res, 200, id ? settingsFor(id) : configureDelivery({}));
      } else if (path === "/_control/webhooks" && method === "POST") {
        const body = await readJson<Partial<DeliverySettings> & { apiKey?: string }>(req);
        const { apiKey, ...patch } = body;
        sendJson(res, 200, configureDelivery(patch, accountId(apiKey)));
      } else if (path === "/_control/webhooks/deliveries" && method === "GET") {
        sendJson(res, 200, {
          data: listDeliveries({
            accountId: accountId(url.searchParams.get("apiKey")),
            eventId: url.searchParams.get("event") ?? undefined,
            eventType: url.searchParams.get("type") ?? undefined,
          }),
        });
      } else if (path === "/_control/webhooks/flush" && method === "POST") {
        const body = await readJson<{ apiKey?: string }>(req);
        const id = accountId(body.apiKey);
        await flushDeliveries(id);
        sendJson(res, 200, { data: listDeliveries({ accountId: id }) });
      } else if (path === "/_control/faults" && method === "GET") {
        sendJson(res, 200, { data: listFaults() });
      } else if (path === "/_control/faults" && method === "POST") {
        const body = await readJson<FaultInput>(req);
        if (body.apiKey) accountId(body.apiKey);
        sendJson(res, 200, addFault(body));
      } else if (path === "/_control/faults" && method === "DELETE") {
        clearFaults();
        sendJson(res, 200, { data: [] });
      } else if (path === "/_control/accounts/api-version" && method === "POST") {
        const body = await readJson<{ apiKey?: string; version?: string }>(req);
        const account = typeof body.apiKey === "string" ? accountForKey(body.apiKey) : null;
        if (!account) throw new Error("apiKey must be a valid Stripe key");
        if (typeof body.version !== "string" || !isKnownApiVersion(body.version)) throw new Error(`version must be a Stripe API version, e.g. 2024-06-20: ${String(body.version)}`);
        account.apiVersion = body.version;
        sendJson(res, 200, { account: account.id, api_version: account.apiVersion });
      } else if (path === "/_control/checkout/expire-due" && method === "POST") {
        const body = await readJson<{ apiKey?: string; asOf?: number }>(req);
        const account = body.apiKey ? accountForKey(body.apiKey) : null;
        if (!account) throw new Error("apiKey is required and must be a valid Stripe key");
        if (body.asOf !== undefined && (typeof body.asOf !== "number" || !Number.isInteger(body.asOf))) throw new Error("asOf must be a unix time in seconds");
        sendJson(res, 200, { expired: expireDueSessions(account, body.asOf) });
      } else if (path === "/_control/refunds/settle" && method === "POST") {
        const body = await readJson<{ apiKey?: string }>(req);
        sendJson(res, 200, { failed: settleRefundFailures(accountId(body.apiKey)) });
      } else if (path === "/_control/debits/settle" && method === "POST") {
        const body = await readJson<{ apiKey?: string }>(req);
        sendJson(res, 200, { settled: settleDebits(accountId(body.apiKey)) });
      } else if (path === "/_control/keys/revoke" && method === "POST") {
        const body = await readJson<{ apiKey?: string }>(req);
        if (!body.apiKey) throw new Error("apiKey is required");
        revokeKey(body.apiKey);
        sendJson(res, 200, { revoked: body.apiKey });
      } else {
        return false;
      }
    } catch (err) {
      sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
    }
    return true;
  };
}
