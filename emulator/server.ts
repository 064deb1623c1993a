import { createServer, type Server } from "node:http";
import { createControl } from "./control";
import { sendJson, type SubRouter } from "./http";
import { createResendEmulator } from "./resend";
import { allAccounts, resetAccounts } from "./stripe/accounts";
import { handleInvoicePage } from "./stripe/billing/pages/invoice-page";
import { handleStripeApi } from "./stripe/api";
import { clearFaults } from "./stripe/faults";
import { resetRefundFailures } from "./stripe/refund-failures";
import { resetBankMethods } from "./stripe/bank-methods";
import { expireDueSessions } from "./stripe/resources/checkout-sessions";
import { handleStripePages } from "./stripe/pages";
import { resetDeliveries } from "./stripe/webhooks";
import { handleStripeJs } from "./stripejs";

export interface EmulatorServer {
  server: Server;
  reset(): void;
}

/**
 * One HTTP server for everything the app reaches instead of Stripe and Resend. Each part is a
 * SubRouter tried in order; the first that answers wins:
 *
 *   GET /_health                        "ok"
 *   /v1/*                               Stripe API (stripe/api.ts, routes in stripe/routes.ts)
 *   /c/*, /3ds/*                        hosted checkout, bank redirect and 3-D Secure pages (stripe/pages)
 *   /i/*                                hosted invoice page (stripe/billing/pages)
 *   /v3, /_demo/*                       Stripe.js stand-in and its demo host page (stripejs/)
 *   /resend/*, /_inbox*, /_control/resend   Resend API and inbox (resend/)
 *   /_control/*                         test controls (control.ts)
 */
export function createEmulatorServer(): EmulatorServer {
  const resend = createResendEmulator();
  const reset = () => {
    resetAccounts();
    resetDeliveries();
    resetRefundFailures();
    resetBankMethods();
    clearFaults();
    resend.reset();
  };
  const health: SubRouter = async (_req, res, url) => {
    if (url.pathname !== "/_health") return false;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
    return true;
  };
  const routers: SubRouter[] = [health, handleStripeApi, handleStripePages, handleInvoicePage, handleStripeJs, resend.handle, createControl(reset)];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    try {
      for (const router of routers) {
        if (await router(req, res, url)) return;
      }
      sendJson(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } });
    } catch (err) {
      console.error("[emulator] request failed", req.method, url.pathname, err);
      if (!res.headersSent) sendJson(res, 500, { error: { type: "api_error", message: "The emulator failed to handle this request." } });
      else res.destroy();
    }
  });
  // Checkout Sessions expire at expires_at whether or not anyone asks about them.
  const sweep = setInterval(() => {
    for (const account of allAccounts()) expireDueSessions(account);
  }, expirySweepMs());
  sweep.unref();
  server.on("close", () => clearInterval(sweep));
  return { server, reset };
}

function expirySweepMs(): number {
  const raw = process.env.EMULATOR_EXPIRY_SWEEP_MS;
  const value = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : 5_000;
}
