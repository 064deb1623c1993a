import { z } from "zod";

// The environment, parsed once. Everything optional has a zero-configuration default;
// secrets have none here: scripts/dev.ts and the test setup provide them (see README).
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
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
  // How often the job worker asks Stripe for events the webhooks missed (lib/stripe/webhooks/reconcile.ts).
  RECONCILE_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().default(12),
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
