import Stripe from "stripe";
import { escapeHtml } from "../http";
import { emulatorConfig } from "../stripe/config";

export type DemoCheckout = { publishableKey: string; clientSecret: string; sessionId: string };

/** A Stripe client for the emulator itself, configured the way the app configures its own. */
export function selfClient(secretKey: string): Stripe {
  const base = new URL(emulatorConfig.publicUrl);
  return new Stripe(secretKey, {
    host: base.hostname,
    port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
    protocol: base.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 0,
  });
}

/**
 * Creates an embedded payment session for the demo page through the emulator's own API, so the
 * page exercises exactly what the app does: Checkout Session on the server, Stripe.js in the page.
 */
export async function createDemoCheckout(opts: { secretKey: string; amount: number; currency: string; returnUrl: string }): Promise<DemoCheckout> {
  const stripe = selfClient(opts.secretKey);
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    ui_mode: "embedded",
    line_items: [{ quantity: 1, price_data: { currency: opts.currency, unit_amount: opts.amount, product_data: { name: "Demo lesson" } } }],
    return_url: opts.returnUrl,
  });
  if (!session.client_secret) throw new Error("The emulator returned an embedded session without client_secret");
  return {
    publishableKey: opts.secretKey.replace(/^(sk|rk)_/, "pk_"),
    clientSecret: session.client_secret,
    sessionId: session.id,
  };
}

/**
 * The host page: loads the Stripe.js stand-in from /v3, then `loadStripe` from the real
 * @stripe/stripe-js module (served at /_demo/stripe-js.mjs), which must reuse window.Stripe.
 */
export function renderDemoPage(checkout: DemoCheckout, opts: { redirect?: boolean } = {}): string {
  const config = JSON.stringify({ pk: checkout.publishableKey, clientSecret: checkout.clientSecret, redirect: !!opts.redirect }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Embedded Checkout demo · Tatami emulator</title>
<style>
  body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f6f7f9; color: #101828; }
  main { max-width: 560px; margin: 32px auto; padding: 0 16px; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  p.hint { color: #667085; margin: 0 0 16px; }
  #checkout { margin: 0 -24px; }
  #status { margin-top: 16px; padding: 12px 16px; border-radius: 8px; background: #ecfdf3; color: #05603a; }
  #status:empty { display: none; }
  code { font-size: 13px; }
</style>
<script src="/v3"></script>
</head>
<body><main>
  <h1>Embedded Checkout demo</h1>
  <p class="hint">Session <code data-testid="session-id">${escapeHtml(checkout.sessionId)}</code> · pay with 4242 4242 4242 4242</p>
  <div id="checkout"></div>
  <div id="status" role="status"></div>
</main>
<script type="module">
  import { loadStripe } from "/_demo/stripe-js.mjs";
  const config = ${config};
  const stripe = await loadStripe(config.pk);
  // ?redirect=1 leaves out onComplete (and uses the older initEmbeddedCheckout name): Stripe then
  // sends the whole page to the session's return_url.
  const checkout = config.redirect
    ? await stripe.initEmbeddedCheckout({ clientSecret: config.clientSecret })
    : await stripe.createEmbeddedCheckoutPage({
        fetchClientSecret: async () => config.clientSecret,
        onComplete: () => {
          checkout.destroy();
          document.getElementById("status").textContent = "Payment complete";
        },
      });
  checkout.mount("#checkout");
</script>
</body></html>`;
}

/** Where the demo session's return_url leads when the page has no onComplete handler. */
export function renderCompletePage(sessionId: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Returned from Checkout · Tatami emulator</title></head>
<body style="font: 15px/1.5 system-ui, sans-serif; max-width: 560px; margin: 32px auto; padding: 0 16px">
  <h1 style="font-size: 20px">Returned from Checkout</h1>
  <p>Session <code>${escapeHtml(sessionId)}</code>. Its status is on the session object (GET /v1/checkout/sessions/:id).</p>
</body></html>`;
}

/**
 * A host page for Stripe.js's 3-D Secure modal: "Confirm payment" calls
 * `stripe.confirmCardPayment(client_secret)` (or `confirmCardSetup` for a SetupIntent) and shows
 * what it resolved with — the flow the app uses to charge a saved card on-session.
 */
export function renderAuthenticateDemo(publishableKey: string, clientSecret: string): string {
  const config = JSON.stringify({ pk: publishableKey, clientSecret }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stripe.js authentication demo · Tatami emulator</title>
<style>
  body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f6f7f9; color: #101828; }
  main { max-width: 560px; margin: 32px auto; padding: 0 16px; }
  button { font: inherit; font-weight: 600; padding: 10px 16px; border: 0; border-radius: 6px; background: #635bff; color: #fff; cursor: pointer; }
  pre { background: #fff; border: 1px solid #e4e7ec; border-radius: 8px; padding: 12px; white-space: pre-wrap; }
</style>
<script src="/v3"></script>
</head>
<body><main>
  <h1 style="font-size: 20px">Confirm a payment with Stripe.js</h1>
  <button type="button" id="confirm">Confirm payment</button>
  <p id="status" role="status"></p>
  <pre id="result" data-testid="result"></pre>
</main>
<script type="module">
  import { loadStripe } from "/_demo/stripe-js.mjs";
  const config = ${config};
  const stripe = await loadStripe(config.pk);
  document.getElementById("confirm").addEventListener("click", async () => {
    const isSetup = config.clientSecret.startsWith("seti_");
    const result = isSetup ? await stripe.confirmCardSetup(config.clientSecret) : await stripe.confirmCardPayment(config.clientSecret);
    const intent = result.paymentIntent ?? result.setupIntent;
    document.getElementById("status").textContent = result.error ? "Error: " + result.error.message : "Status: " + intent.status;
    document.getElementById("result").textContent = JSON.stringify(result, null, 2);
  });
</script>
</body></html>`;
}
