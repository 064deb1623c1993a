import { afterAll, beforeAll, vi } from "vitest";
import { randomBytes } from "node:crypto";
import postgres from "postgres";

// Each test file gets a database of its own: a fresh PostgreSQL database when DATABASE_URL
// is set (CI), otherwise an in-memory PGlite. Both are migrated from db/migrations.
process.env.AUTH_SECRET ??= "vitest-auth-secret-0123456789abcdef0123456789";
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.APP_URL ??= "http://localhost:3000";

vi.mock("@/lib/auth/claims", async () => (await import("./session")).claimsModule);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const baseUrl = process.env.DATABASE_URL;
let databaseName: string | undefined;

if (baseUrl) {
  databaseName = `tatami_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(baseUrl);
  url.pathname = `/${databaseName}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.PGLITE_DIR = "memory";
}

beforeAll(async () => {
  if (baseUrl && databaseName) {
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const { getDb, migrationsFolder } = await import("@/db/client");
    await migrate((await getDb()) as never, { migrationsFolder });
  } else {
    const { getDb } = await import("@/db/client");
    await getDb();
  }
});

afterAll(async () => {
  const { closeDb } = await import("@/db/client");
  await closeDb();
  if (baseUrl && databaseName) {
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
});
