// Shared by the benches and the fault tests (tests/faults): a fresh PostgreSQL database, the
// production app started on it, timing helpers. Benches print figures; they never pass or fail on a time.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import Stripe from "stripe";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { dojos, members, stripeConnections } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto";
import { newUid } from "@/lib/members/uid";

export const BENCH_SECRETS = {
  AUTH_SECRET: "bench-auth-secret-not-for-production-0000",
  ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
};
Object.assign(process.env, BENCH_SECRETS);

const serverUrl = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A new, migrated database; dropped by the returned `drop()`. */
export async function freshDatabase(label: string) {
  const name = `tatami_bench_${label}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await migrate(drizzle(sql), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  await sql.end();
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** `npm start` (scripts/start.ts) of the existing production build, on the given database. */
export async function startApp(opts: { port: number; databaseUrl: string; env?: Record<string, string> }) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const child: ChildProcess = spawn("npx", ["tsx", "scripts/start.ts", "-p", String(opts.port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...BENCH_SECRETS, NODE_ENV: "production", DATABASE_URL: opts.databaseUrl, APP_URL: `http://127.0.0.1:${opts.port}`, ...opts.env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    /** CPU time the app's processes (npx, tsx and the server) have used so far (NaN without /proc): a request's cost that a busy machine's waiting does not inflate. */
    cpuMs: () => groupCpuMs(child.pid!),
    stop({ signal = "SIGTERM" }: { signal?: NodeJS.Signals } = {}) {
      try {
        process.kill(-child.pid!, signal);
      } catch {}
    },
  };
}

// utime + stime of every process in the group (npx → tsx → the server), in ms.
/** The `stripe` SDK pointed at the emulator, for one account's key. */
export function emulatorStripe(emulatorUrl: string, secretKey: string): Stripe {
  const base = new URL(emulatorUrl);
  return new Stripe(secretKey, { host: base.hostname, port: Number(base.port), protocol: "http" });
}

/** An Ultimate dojo with one member, written straight to the database. */
export async function seedDojoWithMember(db: PostgresJsDatabase, label: string) {
  const [dojo] = await db.insert(dojos).values({ name: `${label} Dojo`, slug: `${label.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, currency: "EUR", plan: "ultimate" }).returning();
  const [member] = await db.insert(members).values({ dojoId: dojo.id, uid: newUid(), firstName: label, lastName: "Member" }).returning();
  return { dojo, member };
}

/** Connects the dojo to an emulator account as Settings → Stripe would, with the given webhook secret. */
export async function connectDojo(db: PostgresJsDatabase, stripe: Stripe, dojoId: string, secretKey: string, webhook: { secret: string; endpointId?: string }) {
  const account = await stripe.accounts.retrieveCurrent();
  await db.insert(stripeConnections).values({
    dojoId,
    accountId: account.id,
    livemode: false,
    publishableKey: secretKey.replace("sk_", "pk_"),
    secretKeyEnc: encryptSecret(secretKey),
    currency: "EUR",
    webhookEndpointId: webhook.endpointId ?? null,
    webhookSecretEnc: encryptSecret(webhook.secret),
  });
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `tasks` with at most `concurrency` in flight; returns each one's duration in ms. */
export async function runConcurrently(tasks: Array<() => Promise<unknown>>, concurrency: number): Promise<number[]> {
  const durations: number[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        const start = performance.now();
        await tasks[i]();
        durations[i] = performance.now() - start;
      }
    }),
  );
  return durations;
}

export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadAverage()}`;
}

/** The 1-, 5- and 15-minute load averages: on a shared machine, printed beside every figure. */
export function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(" / ");
}

/**
 * CPU time (user + system, ms) the processes of a process group have used so far, from Linux's
 * /proc (NaN elsewhere). On a shared machine a phase's wall-clock rate moves with the other
 * processes' load; the app's own CPU per request moves far less.
 */
function groupCpuMs(pgid: number): number {
  // USER_HZ: 100 on every Linux this runs on (`getconf CLK_TCK`).
  const TICK_MS = 10;
  try {
    let ticks = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      // After the command name (which may hold spaces): state, ppid, pgrp, … utime (12th), stime (13th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * TICK_MS;
  } catch {
    return NaN;
  }
}

export function printTable(title: string, rows: Array<Record<string, string | number>>) {
  console.log(`\n${title}`);
  console.table(rows);
}
