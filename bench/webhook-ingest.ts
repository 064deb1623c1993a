// Webhook ingest: N signed payment_intent.succeeded events (distinct payments plus 30%
// duplicates, shuffled) posted concurrently to the production app on PostgreSQL, against the
// floor measured in the same run: the same bodies posted to a bare route of the same app doing
// one insert transaction (/api/bench/insert), and, for reference, raw PostgreSQL insert transactions.
// Goals (issue 18): ingest ≥ 60 % of the bare route's rate, p99 < 100 ms.
// Run: npm run build && npm run bench:webhooks   (BENCH_EVENTS, BENCH_CONCURRENCY to change;
// BENCH_JOB_WORKER=off, BENCH_DATABASE_SOCKET=/var/run/postgresql: see below)
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import Stripe from "stripe";
import { drizzle } from "drizzle-orm/postgres-js";
import { and, count, eq, like } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { invoiceLines, invoices, jobs, ledgerEntries, payments } from "@/db/schema";
import { startEmulator } from "@tatami/stripe-emulator";
import { sampleActivity } from "./pg-activity";
import { connectDojo, emulatorStripe, freshDatabase, loadAverage, machine, percentile, printTable, runConcurrently, seedDojoWithMember, shuffle, startApp } from "./support";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3900);
const WEBHOOK_SECRET = "whsec_bench_ingest_secret";
const GOAL_SHARE_OF_BARE = 60;
const GOAL_P99_MS = 100;
// The app's in-process job worker sends the 462 receipts (React, PDF, a Stripe read each) while the
// deliveries arrive, as a single production instance would. BENCH_JOB_WORKER=off measures ingest
// alone (the worker left to other instances).
const JOB_WORKER = process.env.BENCH_JOB_WORKER ?? "on";
// BENCH_DATABASE_SOCKET=/var/run/postgresql: the app (both routes) reaches PostgreSQL through that
// Unix socket directory instead of loopback TCP (DATABASE_URL in libpq's socket form, lib/env.ts).
const SOCKET_DIR = process.env.BENCH_DATABASE_SOCKET;

// CPU_PROFILE_DIR (with NODE_OPTIONS="--require <abs path>/bench/cpu-profile-hook.cjs"): a CPU profile
// of the app server per phase, 1.cpuprofile the webhook deliveries, 2.cpuprofile the bare route.
const PROFILE_DIR = process.env.CPU_PROFILE_DIR;
const toggleProfile = () => {
  if (PROFILE_DIR) process.kill(Number(readFileSync(path.join(PROFILE_DIR, "server.pid"), "utf8")), "SIGUSR2");
};

// Deliveries to another dojo and requests to the bare route before either phase is timed (0: none).
const WARMUP = Number(process.env.BENCH_WARMUP ?? 40);

/** `count` open invoices of the dojo, each paid by a PaymentIntent in the emulator: the signed bodies of their payment_intent.succeeded events. */
async function paymentEvents(db: PostgresJsDatabase, stripe: Stripe, dojoId: string, memberId: string, count: number, label: string): Promise<string[]> {
  const today = new Date().toISOString().slice(0, 10);
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const [invoice] = await db.insert(invoices).values({ dojoId, memberId, number: `B-${i}`, status: "open", currency: "EUR", totalMinor: 2500, issueDate: today, dueDate: today }).returning();
    await db.insert(invoiceLines).values({ dojoId, invoiceId: invoice.id, position: 1, description: "Training", quantity: 1, unitPriceMinor: 2500, amountMinor: 2500 });
    const pi = await stripe.paymentIntents.create({ amount: 2500, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: { tatami_dojo_id: dojoId, tatami_invoice_id: invoice.id } });
    const event = { id: `evt_${label}_${i}`, object: "event", api_version: "2026-10-28.endive", created: Math.floor(Date.now() / 1000), type: "payment_intent.succeeded", data: { object: pi }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } };
    bodies.push(JSON.stringify(event));
  }
  return bodies;
}

/** The database's URL with the server's socket directory as its host, percent-encoded (libpq's spelling). */
function overSocket(tcpUrl: string, dir: string): string {
  const url = new URL(tcpUrl);
  return `${url.protocol}//${url.username}${url.password ? `:${url.password}` : ""}@${encodeURIComponent(dir)}:${url.port || 5432}${url.pathname}`;
}

async function main() {
  const distinct = Math.round(EVENTS / 1.3);
  // Demo mode: the app under test registers webhook endpoints on localhost.
  const emulator = await startEmulator({ port: 0, demo: true });
  const database = await freshDatabase("webhooks");
  const sql = postgres(database.url, { max: 4, onnotice: () => {} });
  const db = drizzle(sql);
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const secretKey = `sk_test_bench_${randomUUID().slice(0, 8)}`;
    const stripe = emulatorStripe(emulator.url, secretKey);
    const { dojo, member } = await seedDojoWithMember(db, "Bench");
    // A connection without a registered endpoint: only this bench delivers events.
    await connectDojo(db, stripe, dojo.id, secretKey, { secret: WEBHOOK_SECRET });

    console.log(`Preparing ${distinct + WARMUP} invoices and PaymentIntents in the emulator…`);
    const bodies = await paymentEvents(db, stripe, dojo.id, member.id, distinct, "bench");
    // Warm-up: another dojo's payments, delivered before the clock starts, so that the first phase
    // does not also pay for loading and compiling the app's modules (the bare route runs warm).
    const warmKey = `sk_test_warm_${randomUUID().slice(0, 8)}`;
    const warmStripe = emulatorStripe(emulator.url, warmKey);
    const warm = await seedDojoWithMember(db, "Warm");
    await connectDojo(db, warmStripe, warm.dojo.id, warmKey, { secret: WEBHOOK_SECRET });
    const warmBodies = await paymentEvents(db, warmStripe, warm.dojo.id, warm.member.id, WARMUP, "warm");
    const deliveries = shuffle([...bodies, ...shuffle([...bodies]).slice(0, EVENTS - distinct)]);

    await sql`create table bench_raw (id serial primary key, payload text not null)`;
    app = await startApp({ port: APP_PORT, databaseUrl: SOCKET_DIR ? overSocket(database.url, SOCKET_DIR) : database.url, env: { STRIPE_API_BASE: emulator.url, BENCH_ROUTES: "on", JOB_WORKER } });
    const url = `${app.url}/api/stripe/webhook/${dojo.id}`;
    const signed = (body: string) => ({ method: "POST", body, headers: { "content-type": "application/json", "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }) } });
    if (WARMUP > 0) {
      console.log(`Warming up: ${WARMUP} deliveries to another dojo, ${WARMUP} bare requests…`);
      await runConcurrently(warmBodies.map((body) => async () => void (await (await fetch(`${app!.url}/api/stripe/webhook/${warm.dojo.id}`, signed(body))).arrayBuffer())), CONCURRENCY);
      await runConcurrently(warmBodies.map((body) => async () => void (await (await fetch(`${app!.url}/api/bench/insert`, { method: "POST", body })).arrayBuffer())), CONCURRENCY);
    }
    let failures = 0;
    console.log(`Delivering… (load average ${loadAverage()})`);
    const activity = sampleActivity(database.url);
    // The app's own CPU (its process group), per phase: less at the mercy of the machine's load than the rates.
    const cpuSince = (before: number) => app!.cpuMs() - before;
    const cpuBefore = app.cpuMs();
    toggleProfile();
    const started = performance.now();
    const latencies = await runConcurrently(
      deliveries.map((body) => async () => {
        const res = await fetch(url, signed(body));
        if (!res.ok) failures++;
        await res.arrayBuffer();
      }),
      CONCURRENCY,
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuWebhooks = cpuSince(cpuBefore);
    toggleProfile();
    const where = await activity.stop();
    const [receipts] = await db.select({ n: count() }).from(jobs).where(and(like(jobs.dedupeKey, "payment-receipt:%"), eq(jobs.dojoId, dojo.id)));
    const [paid] = await db.select({ n: count() }).from(payments).where(eq(payments.dojoId, dojo.id));
    const [booked] = await db.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.dojoId, dojo.id));

    // The floor, same run: the same bodies to a bare route of the same app doing one insert transaction.
    const bareUrl = `${app.url}/api/bench/insert`;
    let bareFailures = 0;
    const bareCpuBefore = app.cpuMs();
    toggleProfile();
    const bareStarted = performance.now();
    const bareLatencies = await runConcurrently(
      deliveries.map((body) => async () => {
        const res = await fetch(bareUrl, { method: "POST", body, headers: { "content-type": "application/json" } });
        if (!res.ok) bareFailures++;
        await res.arrayBuffer();
      }),
      CONCURRENCY,
    );
    const bareSeconds = (performance.now() - bareStarted) / 1000;
    const cpuBare = cpuSince(bareCpuBefore);
    toggleProfile();

    // For reference: as many single-row insert transactions straight into PostgreSQL.
    const rawStarted = performance.now();
    await runConcurrently(deliveries.map((body) => () => sql.begin((tx) => tx`insert into bench_raw (payload) values (${body.slice(0, 200)})`)), CONCURRENCY);
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    const perRequest = (cpuMs: number) => (Number.isNaN(cpuMs) ? "n/a" : (cpuMs / deliveries.length).toFixed(2));
    latencies.sort((a, b) => a - b);
    bareLatencies.sort((a, b) => a - b);
    const appRate = deliveries.length / seconds;
    const bareRate = deliveries.length / bareSeconds;
    const rawRate = deliveries.length / rawSeconds;
    const share = (appRate / bareRate) * 100;
    const p99 = percentile(latencies, 99);
    const met = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(`\nMachine: ${machine()} · ${new Date().toISOString()}`);
    printTable(`Webhook ingest: ${deliveries.length} deliveries (${distinct} distinct, ${deliveries.length - distinct} duplicates), ${CONCURRENCY} concurrent`, [
      { measure: "webhook route events/s", value: appRate.toFixed(1), floor: "", goal: "" },
      { measure: "webhook route p50 latency (ms)", value: percentile(latencies, 50).toFixed(1), floor: percentile(bareLatencies, 50).toFixed(1), goal: "" },
      { measure: "webhook route p99 latency (ms)", value: p99.toFixed(1), floor: percentile(bareLatencies, 99).toFixed(1), goal: `< ${GOAL_P99_MS}: ${met(p99 < GOAL_P99_MS)}` },
      { measure: "bare route, one insert tx (req/s)", value: bareRate.toFixed(1), floor: "", goal: "" },
      { measure: "webhook / bare route", value: `${share.toFixed(1)} %`, floor: "100 %", goal: `≥ ${GOAL_SHARE_OF_BARE} %: ${met(share >= GOAL_SHARE_OF_BARE)}` },
      { measure: "app CPU per request, ms (webhook delivery / bare request)", value: perRequest(cpuWebhooks), floor: perRequest(cpuBare), goal: "" },
      { measure: "raw PostgreSQL insert tx/s (reference)", value: rawRate.toFixed(1), floor: "", goal: "" },
      { measure: "non-2xx answers (webhook / bare)", value: `${failures} / ${bareFailures}`, floor: "", goal: "0" },
      { measure: "payments recorded (expect distinct)", value: `${paid.n} / ${distinct}`, floor: "", goal: "" },
      { measure: "ledger entries (expect distinct)", value: `${booked.n} / ${distinct}`, floor: "", goal: "" },
      { measure: "receipts queued (expect distinct)", value: `${receipts.n} / ${distinct}`, floor: "", goal: "" },
      { measure: "job worker in the app", value: JOB_WORKER, floor: "", goal: "" },
      { measure: "warm-up before timing (deliveries to another dojo, bare requests)", value: String(WARMUP), floor: "", goal: "" },
      { measure: "app to PostgreSQL", value: SOCKET_DIR ? `Unix socket (${SOCKET_DIR})` : "TCP (loopback)", floor: "", goal: "" },
    ]);
    printTable("The app's database connections during the webhook deliveries (pg_stat_activity, every 20 ms)", where);
  } finally {
    app?.stop();
    await sql.end();
    await database.drop();
    await emulator.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
