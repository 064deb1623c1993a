import { z } from "zod";
import { proxyBlockList } from "./auth/forwarded-chain";

// The environment, parsed once. Everything optional has a zero-configuration default;
// secrets have none here: scripts/dev.ts and the test setup provide them (see README).
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // A URL, or a local server's Unix socket as libpq names it (postgresTarget below).
  DATABASE_URL: z
    .string()
    .superRefine((url, ctx) => {
      try {
        postgresTarget(url);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    })
    .optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  // 32 bytes, base64: the AES-256-GCM key for secrets at rest.
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "ENCRYPTION_KEY must be 32 bytes in base64"),
  STRIPE_API_BASE: z.string().url().optional(),
  STRIPE_JS_URL: z.string().url().optional(),
  // The emulator's base for the pages it hands to browsers (3-D Secure, hosted Checkout), when
  // it differs from STRIPE_API_BASE: `npm run dev` serves them on localhost. Read by the CSP.
  EMULATOR_PUBLIC_URL: z.string().url().optional(),
  // Tatami's own Stripe account, which bills the dojos for their plan (lib/stripe/platform.ts).
  PLATFORM_STRIPE_SECRET_KEY: z.string().optional(),
  PLATFORM_STRIPE_PUBLISHABLE_KEY: z.string().optional(),
  PLATFORM_STRIPE_WEBHOOK_SECRET: z.string().optional(),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  MAIL_FROM_ADDRESS: z.string().email().default("no-reply@tatami.test"),
  // Resend allows 2 requests per second per team; campaign batches are paced under this.
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().max(100).default(2),
  // `off`: this process runs no background jobs (e.g. a web-only instance, or the tests).
  JOB_WORKER: z.enum(["on", "off"]).default("on"),
  // `on`: /api/bench/insert answers (bench/webhook-ingest.ts's floor: a bare route doing one insert). Never in production.
  BENCH_ROUTES: z.enum(["on", "off"]).default("off"),
  // How often the job worker asks Stripe for events the webhooks missed (lib/stripe/webhooks/reconcile.ts).
  RECONCILE_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().default(12),
  // Client addresses (lib/auth/client-ip.ts): by default the TCP peer. Behind a load balancer or
  // CDN, the number of proxy hops in front of the app and/or their networks ("10.0.0.0/8,fd00::/8");
  // the client is then the right-most X-Forwarded-For entry that is not one of them.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  TRUSTED_PROXY_CIDRS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .superRefine((cidrs, ctx) => {
      try {
        proxyBlockList(cidrs);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  // Set by scripts/start.ts for its own process (lib/auth/peer-stamp.ts); never set it by hand.
  TATAMI_PEER_STAMP: z.string().min(16).optional(),
});

export type Env = z.infer<typeof schema>;

function parse(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parse();
  return cached;
}

/**
 * DATABASE_URL as postgres.js takes it: the URL, and the socket file when it names a local server's
 * Unix socket directory as libpq does — `postgres://postgres@/tatami?host=/var/run/postgresql`, or
 * the directory percent-encoded as the host (`postgres://postgres@%2Fvar%2Frun%2Fpostgresql/tatami`).
 * postgres.js wants the socket as its `path` option (`<dir>/.s.PGSQL.<port>`): given `?host=` it
 * would send it to the server as a setting, and a URL without a host is not one to WHATWG's parser.
 * A socket skips loopback TCP (the webhook bench measures both: docs/benchmarks.md).
 */
export function postgresTarget(databaseUrl: string): { url: string; path?: string } {
  const [, scheme, auth = "", host, port = "", rest] = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*@)?([^/?#:]*)(:\d*)?(.*)$/i.exec(databaseUrl) ?? [];
  if (!scheme) throw new Error("DATABASE_URL must be a URL such as postgres://user@host:5432/database");
  const decodedHost = decodeURIComponent(host);
  // An empty host (only allowed with a socket directory) parses as localhost until the check below.
  const url = new URL(`${scheme}${auth}${decodedHost.startsWith("/") || !host ? "localhost" : host}${port}${rest}`);
  const socketDir = url.searchParams.get("host") ?? (decodedHost.startsWith("/") ? decodedHost : null);
  if (socketDir === null) {
    if (!host) throw new Error("DATABASE_URL names no host: give one, or a socket directory with ?host=/var/run/postgresql");
    return { url: databaseUrl };
  }
  if (!socketDir.startsWith("/")) throw new Error("DATABASE_URL's host= must be a socket directory (an absolute path), e.g. ?host=/var/run/postgresql");
  url.searchParams.delete("host");
  return { url: url.toString(), path: `${socketDir.replace(/\/+$/, "")}/.s.PGSQL.${url.port || 5432}` };
}
