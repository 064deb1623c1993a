// What building a webhook delivery's statements costs in the app's CPU, without PostgreSQL: drizzle
// turning the query builders into SQL text and parameters, and mapping the answer. The driver is a
// stand-in that answers every statement with no rows, so the figures are the JS side alone (the
// socket writes and PostgreSQL's work are not in them). Prints figures; passes or fails nothing.
// Run: npx tsx --require ./bench/server-only-hook.cjs bench/statement-build.ts
import { randomUUID } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import type Stripe from "stripe";
import type { Db, Tx } from "@/db/client";
import * as schema from "@/db/schema";
import { claimEvent, claimEventAndLockInvoice, dojoEventLog } from "@/lib/stripe/webhooks/claim-event";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { storePaymentIf } from "@/lib/payments/record-payment";
import { and, eq, sql } from "drizzle-orm";
import { connectionRead } from "@/lib/stripe/webhooks/connection-read";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3000);

const sent: { query: string; params: unknown[] }[] = [];
const answer = () => Object.assign(Promise.resolve([]), { values: () => Promise.resolve([[1, ...new Array(40).fill(null)]]) });
const client = Object.assign(() => {}, { options: { parsers: {}, serializers: {} }, unsafe: (query: string, params: unknown[]) => (sent.push({ query, params }), answer()) });
const tx = drizzle(client as never, { schema }) as unknown as Tx;

const dojoId = randomUUID();
const invoice = { id: randomUUID(), dojoId, memberId: randomUUID(), number: "B-1", status: "open", currency: "EUR", totalMinor: 2500, paidMinor: 0, refundedMinor: 0 } as schema.Invoice;
const event = { id: "evt_bench", type: "payment_intent.succeeded", created: Math.floor(Date.now() / 1000) } as Stripe.Event;
const log = dojoEventLog(dojoId);
// paymentReceiptJob's shape (lib/payments/card/receipt-mail.ts, which loads the PDF renderer).
const receiptJob = (paymentId: string) => ({ kind: "mail:payment-receipt", payload: { paymentId, card: "Visa •••• 4242" }, dojoId, dedupeKey: `payment-receipt:${paymentId}`, maxAttempts: 8 });

async function time(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await run();
  sent.length = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / ROUNDS;
  const { query, params } = sent[sent.length - 1];
  console.log(`${label}: ${(ms * 1000).toFixed(0)} µs per statement (${query.length} characters of SQL, ${params.length} parameters)`);
}

async function main() {
  console.log(`${ROUNDS} rounds each, stand-in driver (no PostgreSQL)`);
  const db = tx as unknown as Db;
  // receive.ts's read as it was built per delivery, against the prepared one it is now.
  await time("(before: connection + duplicate read, built per delivery)", () => db.select({ connection: schema.stripeConnections, eventStatus: schema.stripeEvents.status }).from(schema.stripeConnections).leftJoin(schema.stripeEvents, and(eq(schema.stripeEvents.dojoId, schema.stripeConnections.dojoId), eq(schema.stripeEvents.eventId, "evt_bench"))).where(eq(schema.stripeConnections.dojoId, dojoId)));
  await time("connection + duplicate read, prepared once", () => connectionRead(db).execute({ dojoId, eventId: "evt_bench" }));
  await time("event claim + invoice lock", () => claimEventAndLockInvoice(tx, log, event, "processed", { dojoId, invoiceId: invoice.id }).catch(() => null));
  await time("(before: event claim alone)", () => claimEvent(tx, log, event, "processed"));
  await time("(before: invoice lock alone)", () => lockInvoice(tx, dojoId, invoice.id).catch(() => null));
  const input = { dojoId, invoiceId: invoice.id, method: "card" as const, amountMinor: 2500, currency: "EUR", paidAt: new Date(), stripePaymentIntentId: "pi_bench", stripeChargeId: "ch_bench", recordedBy: null };
  const onlyIf = sql`not exists (select 1 from ${schema.payments} where ${schema.payments.stripePaymentIntentId} = ${"pi_bench"})`;
  await time("payment's guarded write (payment, ledger, invoice, checkouts, receipt job)", () => storePaymentIf(tx, invoice, input, onlyIf, { jobs: (id) => [receiptJob(id)] }));
  await time("bare route's insert", () => tx.execute(sql`insert into bench_raw (payload) values (${"x".repeat(200)})`));
}

main().then(() => process.exit(0), (error) => (console.error(error), process.exit(1)));
