// `npm run dev`: the whole product on embedded defaults. Starts the Stripe/Resend emulator
// (unless real services are configured), migrates and seeds the embedded database when it is
// empty, prints the demo logins, then runs `next dev`.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureLocalSecrets } from "./local-env";
import { warmUp, WARM_UP_PATHS } from "./dev-warm-up";

/** The emulator's platform account delivers plan events to this app (lib/account-plans/webhooks). */
async function platformWebhookSecret(apiBase: string, secretKey: string, appUrl: string): Promise<string> {
  const { default: Stripe } = await import("stripe");
  const { PLATFORM_EVENTS } = await import("../lib/account-plans/webhooks/events");
  const url = new URL(apiBase);
  const stripe = new Stripe(secretKey, { host: url.hostname, port: Number(url.port), protocol: "http" });
  const endpoint = await stripe.webhookEndpoints.create({ url: `${appUrl.replace(/\/$/, "")}/api/platform/webhook`, enabled_events: [...PLATFORM_EVENTS] });
  return endpoint.secret!;
}

async function main() {
  const secrets = ensureLocalSecrets();
  process.env.AUTH_SECRET ??= secrets.AUTH_SECRET;
  process.env.ENCRYPTION_KEY ??= secrets.ENCRYPTION_KEY;
  const port = Number(process.env.PORT ?? 3000);
  process.env.APP_URL ??= `http://localhost:${port}`;

  let emulator: { url: string; close(): Promise<void> } | undefined;
  if (!process.env.STRIPE_API_BASE && !process.env.RESEND_API_KEY && process.env.EMULATOR !== "off") {
    const { startEmulator } = await import("../emulator/index");
    const emulatorPort = Number(process.env.EMULATOR_PORT ?? 12111);
    // Its pages (3-D Secure, hosted Checkout, the inbox) on localhost like the app; the API and
    // Stripe.js on 127.0.0.1. The CSP names both (lib/security/csp.ts). Demo mode: the emulator
    // accepts the localhost webhook URLs this local app registers.
    const publicUrl = `http://localhost:${emulatorPort}`;
    emulator = await startEmulator({ port: emulatorPort, publicUrl, demo: true });
    process.env.STRIPE_API_BASE = emulator.url;
    process.env.STRIPE_JS_URL = `${emulator.url}/v3`;
    process.env.EMULATOR_PUBLIC_URL = publicUrl;
    process.env.RESEND_BASE_URL = `${emulator.url}/resend`;
    process.env.RESEND_API_KEY = "re_test_local";
    process.env.PLATFORM_STRIPE_SECRET_KEY ??= "sk_test_tatami_platform";
    process.env.PLATFORM_STRIPE_PUBLISHABLE_KEY ??= "pk_test_tatami_platform";
    process.env.PLATFORM_STRIPE_WEBHOOK_SECRET ??= await platformWebhookSecret(emulator.url, process.env.PLATFORM_STRIPE_SECRET_KEY, process.env.APP_URL);
  }

  const { seedIfEmpty } = await import("../db/seed");
  const { closeDb } = await import("../db/client");
  const logins = await seedIfEmpty();
  // The embedded database allows one process: release it before Next opens it.
  await closeDb();

  const line = "─".repeat(64);
  console.log(`\n${line}\n  Tatami is starting on ${process.env.APP_URL}`);
  console.log(`  Database: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${process.env.PGLITE_DIR ?? ".data/pglite"}`}`);
  if (emulator) console.log(`  Stripe + Resend: emulator at ${emulator.url} (inbox: ${process.env.EMULATOR_PUBLIC_URL}/_inbox)`);
  if (logins) {
    console.log(`\n  Demo Dojo logins`);
    console.log(`    Owner:  ${logins.owner.email} / ${logins.owner.password}   → ${process.env.APP_URL}/login`);
    console.log(`    Staff:  ${logins.staff.email} / ${logins.staff.password}`);
    console.log(`    Member: UID ${logins.member.uid} / ${logins.member.password}   → ${process.env.APP_URL}/portal/login`);
  } else {
    console.log(`\n  The database already has data; nothing was seeded.`);
  }
  if (process.env.DEV_WARM_UP !== "off") console.log(`\n  The main pages are compiled in the background after start; a page opened before that may take a few seconds the first time.`);
  console.log(`${line}\n`);

  // Next's own binary, not through `npx`: npx does not pass SIGTERM on, which left `next dev`
  // running after `npm run dev` was stopped.
  const next = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-p", String(port)], { stdio: "inherit", env: process.env });
  // Ctrl-C reaches `next dev` too (same process group); SIGTERM (e.g. from Playwright) only us.
  // Either way: pass it on once, let Next finish, then close the emulator and leave cleanly.
  let stopping = false;
  const warming = new AbortController();
  if (process.env.DEV_WARM_UP !== "off") {
    void warmUp(process.env.APP_URL, warming.signal).then((seconds) => {
      if (!warming.signal.aborted) console.log(`\n  ✓ The ${WARM_UP_PATHS.length} main pages are compiled (${seconds.toFixed(1)} s): first visits are quick now.\n`);
    });
  }
  const stop = () => {
    if (stopping) return;
    stopping = true;
    warming.abort();
    if (next.exitCode === null && next.signalCode === null) next.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", async (code) => {
    warming.abort();
    await emulator?.close().catch((error: unknown) => console.error("Closing the emulator failed:", error));
    process.exit(stopping ? 0 : (code ?? 0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
