import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { migrationsFolder, newPglite, schema, type Db } from "@/db/client";

/**
 * A copy of db/migrations that stops before the migration whose tag ends with `tagSuffix` (the
 * number may change when branches merge): a database migrated from it is at the previous version.
 * `through: true` keeps that migration too (and none after it).
 */
export function migrationsBefore(tagSuffix: string, { through = false } = {}) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "tatami-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix));
  if (at < 0) throw new Error(`No migration ending with ${tagSuffix}`);
  journal.entries = journal.entries.slice(0, through ? at + 1 : at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** An empty database beside the test file's own (same engine), migrated step by step by the test. */
export async function scratchDatabase(): Promise<{ db: Db; migrate(folder: string): Promise<void>; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const client = newPglite();
    const db = drizzlePglite(client, { schema });
    return { db: db as unknown as Db, migrate: (folder) => migratePglite(db, { migrationsFolder: folder }), close: () => client.close() };
  }
  const name = `tatami_scratch_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  const sql = postgres(scratchUrl.toString(), { max: 1, onnotice: () => {} });
  const db = drizzlePostgres(sql, { schema });
  return {
    db: db as unknown as Db,
    migrate: (folder) => migratePostgres(db, { migrationsFolder: folder }),
    async close() {
      await sql.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
