import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { env, postgresTarget } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A database handle or an open transaction: domain functions accept either. */
export type DbOrTx = Db | Tx;

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

interface Connection {
  db: Db;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
  ready: Promise<void>;
}

/** An embedded database with the extensions the migrations create (pg_trgm: trigram indexes). */
export function newPglite(dataDir?: string): PGlite {
  // One options object: `new PGlite(undefined, options)` drops the options (PGlite 0.5).
  return new PGlite({ dataDir, extensions: { pg_trgm } });
}

/** postgres.js on DATABASE_URL: over TCP, or a local server's Unix socket (`?host=/var/run/postgresql`, postgresTarget). */
export function postgresPool(databaseUrl: string, opts: { max: number }) {
  const { url, path } = postgresTarget(databaseUrl);
  return postgres(url, { max: opts.max, path, onnotice: () => {} });
}

function connect(): Connection {
  const { DATABASE_URL, PGLITE_DIR } = env();
  if (DATABASE_URL) {
    const sql = postgresPool(DATABASE_URL, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const db = drizzlePostgres(sql, { schema }) as unknown as Db;
    // PostgreSQL is migrated explicitly (`npm run db:migrate`), never by a running app.
    return { db, kind: "postgres", close: () => sql.end(), ready: Promise.resolve() };
  }
  const inMemory = PGLITE_DIR === "memory";
  if (!inMemory) mkdirSync(PGLITE_DIR, { recursive: true });
  const client = newPglite(inMemory ? undefined : PGLITE_DIR);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  // The embedded database migrates itself so `npm run dev` needs no setup step.
  const ready = (async () => {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
  })();
  return { db, kind: "pglite", close: () => client.close(), ready };
}

// One connection per process; kept on globalThis so `next dev` reloads don't open new pools.
const globalForDb = globalThis as unknown as { __tatamiDb?: Connection };

export function connection(): Connection {
  globalForDb.__tatamiDb ??= connect();
  return globalForDb.__tatamiDb;
}

/** The database, after the embedded one has finished migrating. */
export async function getDb(): Promise<Db> {
  const c = connection();
  try {
    await c.ready;
  } catch (error) {
    // Don't keep a connection that failed to start; the next call tries again.
    if (globalForDb.__tatamiDb === c) globalForDb.__tatamiDb = undefined;
    throw error;
  }
  return c.db;
}

export async function closeDb(): Promise<void> {
  const c = globalForDb.__tatamiDb;
  globalForDb.__tatamiDb = undefined;
  if (c) await c.close();
}

export { schema };
