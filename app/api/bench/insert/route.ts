import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The floor bench/webhook-ingest.ts measures the webhook route against, in the same run: the
// same framework, body and database, doing one insert in one transaction into the bench's own
// table. Answers only when the bench starts the app with BENCH_ROUTES=on.
export async function POST(request: Request) {
  if (env().BENCH_ROUTES !== "on") return new Response(null, { status: 404 });
  const body = await request.text();
  const db = await getDb();
  await db.transaction((tx) => tx.execute(sql`insert into bench_raw (payload) values (${body.slice(0, 200)})`));
  return Response.json({ received: true });
}
