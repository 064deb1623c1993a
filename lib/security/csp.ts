// Scripts and frames only from our origin and Stripe's (or the emulator standing in for it).
// Built per request from the environment of the running server (proxy.ts), not at build time:
// one build runs against real Stripe or against an emulator on any port.
export function contentSecurityPolicy(env: { STRIPE_JS_URL?: string; STRIPE_API_BASE?: string; NODE_ENV?: string } = process.env): string {
  const stripeJs = env.STRIPE_JS_URL ? new URL(env.STRIPE_JS_URL).origin : "https://js.stripe.com";
  const stripeApi = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE).origin : "https://api.stripe.com";
  const dev = env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' ${dev ? "'unsafe-eval' " : ""}${stripeJs}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${stripeJs}`,
    "font-src 'self' data:",
    `connect-src 'self' ${stripeJs} ${stripeApi}`,
    `frame-src 'self' ${stripeJs} https://checkout.stripe.com https://hooks.stripe.com`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
