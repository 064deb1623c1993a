// Webhook ingest: N signed payment_intent.succeeded events (distinct payments plus 30%
// duplicates, shuffled) posted concurrently to the production app on PostgreSQL, beside the
// machine's raw PostgreSQL rate for as many single-row insert transactions.
// Run: npm run build && npm run bench:webhooks   (BENCH_EVENTS, BENCH_CONCURRENCY to change)
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import Stripe from "stripe";
import { drizzle } from "drizzle-orm/postgres-js";
import { count, eq } from "drizzle-orm";
import { invoiceLines, invoices, ledgerEntries, payments } from "@/db/schema";
import { startEmulator } from "@tatami/stripe-emulator";
import { connectDojo, emulatorStripe, freshDatabase, machine, percentile, printTable, runConcurrently, seedDojoWithMember, shuffle, startApp } from "./support";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3900);
const WEBHOOK_SECRET = "whsec_bench_ingest_secret";

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

    console.log(`Preparing ${distinct} invoices and PaymentIntents in the emulator…`);
    const today = new Date().toISOString().slice(0, 10);
    const bodies: string[] = [];
    for (let i = 0; i < distinct; i++) {
      const [invoice] = await db.insert(invoices).values({ dojoId: dojo.id, memberId: member.id, number: `B-${i}`, status: "open", currency: "EUR", totalMinor: 2500, issueDate: today, dueDate: today }).returning();
      await db.insert(invoiceLines).values({ dojoId: dojo.id, invoiceId: invoice.id, position: 1, description: "Training", quantity: 1, unitPriceMinor: 2500, amountMinor: 2500 });
      const pi = await stripe.paymentIntents.create({ amount: 2500, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: { tatami_dojo_id: dojo.id, tatami_invoice_id: invoice.id } });
      const event = { id: `evt_bench_${i}`, object: "event", api_version: "2026-10-28.endive", created: Math.floor(Date.now() / 1000), type: "payment_intent.succeeded", data: { object: pi }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } };
      bodies.push(JSON.stringify(event));
    }
    const deliveries = shuffle([...bodies, ...shuffle([...bodies]).slice(0, EVENTS - distinct)]);

    app = await startApp({ port: APP_PORT, databaseUrl: database.url, env: { STRIPE_API_BASE: emulator.url } });
    const url = `${app.url}/api/stripe/webhook/${dojo.id}`;
    let failures = 0;
    const started = performance.now();
    const latencies = await runConcurrently(
      deliveries.map((body) => async () => {
        const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET });
        const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", "stripe-signature": signature } });
        if (!res.ok) failures++;
        await res.arrayBuffer();
      }),
      CONCURRENCY,
    );
    const seconds = (performance.now() - started) / 1000;
    const [paid] = await db.select({ n: count() }).from(payments).where(eq(payments.dojoId, dojo.id));
    const [booked] = await db.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.dojoId, dojo.id));

    // The floor: the same number of single-row insert transactions straight into PostgreSQL.
    await sql`create table bench_raw (id serial primary key, payload text not null)`;
    const rawStarted = performance.now();
    await runConcurrently(deliveries.map((body) => () => sql.begin((tx) => tx`insert into bench_raw (payload) values (${body.slice(0, 200)})`)), CONCURRENCY);
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    latencies.sort((a, b) => a - b);
    const appRate = deliveries.length / seconds;
    const rawRate = deliveries.length / rawSeconds;
    console.log(`\nMachine: ${machine()} · ${new Date().toISOString()}`);
    printTable(`Webhook ingest: ${deliveries.length} deliveries (${distinct} distinct, ${deliveries.length - distinct} duplicates), ${CONCURRENCY} concurrent`, [
      { measure: "app events/s", value: appRate.toFixed(1) },
      { measure: "app p50 latency (ms)", value: percentile(latencies, 50).toFixed(1) },
      { measure: "app p99 latency (ms)", value: percentile(latencies, 99).toFixed(1) },
      { measure: "raw PostgreSQL insert tx/s", value: rawRate.toFixed(1) },
      { measure: "app / raw PostgreSQL", value: `${((appRate / rawRate) * 100).toFixed(1)} %` },
      { measure: "non-2xx answers", value: failures },
      { measure: "payments recorded (expect distinct)", value: `${paid.n} / ${distinct}` },
      { measure: "ledger entries (expect distinct)", value: `${booked.n} / ${distinct}` },
    ]);
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
