import { sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// The floor of a server-rendered page, for bench/staff-shell.ts: the root layout and one query,
// nothing of the dashboard. Exists only when the bench starts the app with BENCH_ROUTES=on.
export default async function BenchFloorPage() {
  if (env().BENCH_ROUTES !== "on") notFound();
  await (await getDb()).execute(sql`select 1`);
  return <main data-bench="floor" />;
}
