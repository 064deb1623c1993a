import type { Env } from "@/lib/env";

// The Content-Security-Policy, built per request from the environment of the running server
// (proxy.ts), not at build time: one build runs against real Stripe or against the emulator on
// any port. Scripts, frames and connections come from our origin and from Stripe's hosts only.

type StripeDirective = "script-src" | "frame-src" | "connect-src" | "img-src";

/**
 * The one list of what the browser may load from Stripe, and for which directive.
 * Stripe's hosts as its integration security guide lists them for Stripe.js, Checkout and
 * 3-D Secure: https://docs.stripe.com/security/guide#content-security-policy
 * (Stripe.js: https://docs.stripe.com/js; 3-D Secure: https://docs.stripe.com/payments/3d-secure).
 * `https://maps.googleapis.com`, which the guide also names, serves only the Address Element's
 * autocomplete; Tatami uses no Elements, so it stays out.
 */
const STRIPE_HOSTS: ReadonlyArray<readonly [source: string, directives: readonly StripeDirective[]]> = [
  // Stripe.js itself, and the frames it starts on js.stripe.com and on varying subdomains of it.
  ["https://js.stripe.com", ["script-src", "frame-src", "connect-src", "img-src"]],
  ["https://*.js.stripe.com", ["script-src", "frame-src"]],
  // The API Stripe.js calls (confirmCardPayment, handleNextAction, Embedded Checkout).
  ["https://api.stripe.com", ["connect-src"]],
  // 3-D Secure challenges and redirect-based payment methods open in frames on hooks.stripe.com.
  ["https://hooks.stripe.com", ["frame-src"]],
  // Checkout, embedded in our dialogs or hosted.
  ["https://checkout.stripe.com", ["script-src", "frame-src", "connect-src"]],
  // Stripe.js's fraud signals (https://docs.stripe.com/disputes/prevention/advanced-fraud-detection)
  // and its telemetry.
  ["https://m.stripe.network", ["script-src", "frame-src", "connect-src"]],
  ["https://q.stripe.com", ["connect-src"]],
  // Card brand logos and Checkout's images.
  ["https://*.stripe.com", ["img-src"]],
];

const EMULATOR_DIRECTIVES: readonly StripeDirective[] = ["script-src", "frame-src", "connect-src", "img-src"];

// A server on 127.0.0.1 also answers browsers that call it localhost, and the emulator hands out
// URLs under whichever name its public URL uses (`npm run dev`: localhost; Stripe.js and the API:
// 127.0.0.1). A challenge frame on one name while the policy names the other is "blocked".
const LOOPBACK_NAMES = ["127.0.0.1", "localhost"];

export type CspEnv = Pick<Env, "NODE_ENV" | "STRIPE_JS_URL" | "STRIPE_API_BASE" | "EMULATOR_PUBLIC_URL">;

/** Every origin the emulator answers browsers on: each configured URL under each of its host names. */
export function emulatorOrigins(env: CspEnv): string[] {
  const origins = new Set<string>();
  for (const value of [env.STRIPE_JS_URL, env.STRIPE_API_BASE, env.EMULATOR_PUBLIC_URL]) {
    if (!value) continue;
    const url = new URL(value);
    origins.add(url.origin);
    if (!LOOPBACK_NAMES.includes(url.hostname)) continue;
    for (const name of LOOPBACK_NAMES) {
      url.hostname = name;
      origins.add(url.origin);
    }
  }
  return [...origins];
}

/**
 * Sources per directive: Stripe's documented hosts against real Stripe; the emulator's origins
 * (under every host name) when the environment points Stripe at it (development and tests).
 */
export function stripeSources(env: CspEnv): Record<StripeDirective, string[]> {
  const sources: Record<StripeDirective, string[]> = { "script-src": [], "frame-src": [], "connect-src": [], "img-src": [] };
  const emulator = emulatorOrigins(env);
  const list = emulator.length > 0 ? emulator.map((origin) => [origin, EMULATOR_DIRECTIVES] as const) : STRIPE_HOSTS;
  for (const [source, directives] of list) for (const directive of directives) sources[directive].push(source);
  return sources;
}

export function contentSecurityPolicy(env: CspEnv): string {
  const stripe = stripeSources(env);
  const dev = env.NODE_ENV !== "production";
  const directive = (name: string, ...values: string[]) => [name, ...values].join(" ");
  return [
    "default-src 'self'",
    directive("script-src", "'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : []), ...stripe["script-src"]),
    "style-src 'self' 'unsafe-inline'",
    directive("img-src", "'self'", "data:", "blob:", ...stripe["img-src"]),
    "font-src 'self' data:",
    directive("connect-src", "'self'", ...stripe["connect-src"]),
    directive("frame-src", "'self'", ...stripe["frame-src"]),
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
