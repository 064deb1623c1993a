// `npm run db:migrate`: applies db/migrations to the PostgreSQL database in DATABASE_URL
// (the embedded database migrates itself at start-up).
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import path from "node:path";
import { postgresTarget } from "../lib/env";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log("DATABASE_URL is not set: the embedded database migrates itself when the app starts.");
    return;
  }
  const target = postgresTarget(url);
  const sql = postgres(target.url, { max: 1, path: target.path, onnotice: () => {} });
  await migrate(drizzle(sql), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  await sql.end();
  console.log("Migrations applied.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
