import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import { connection, schema, type Db } from "@/db/client";

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

function clientOf(db: Db): unknown {
  return (db as unknown as { $client: unknown }).$client;
}

/**
 * Runs `work` (pages, domain functions) with the app's database swapped for one that records every
 * query it sends. With `transactions`, each transaction's BEGIN and COMMIT are listed too (the
 * driver sends them as statements of their own, so they are round trips like any other).
 */
export async function captureQueries(work: () => Promise<unknown>, opts: { transactions?: boolean } = {}): Promise<CapturedQuery[]> {
  const conn = connection();
  await conn.ready;
  const original = conn.db;
  const captured: CapturedQuery[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void captured.push({ sql: query, params }) };
  const client = clientOf(original);
  const recording = (conn.kind === "pglite" ? drizzlePglite(client as PGlite, { schema, logger }) : drizzlePostgres(client as Sql, { schema, logger })) as unknown as Db;
  if (opts.transactions) {
    const transaction = recording.transaction.bind(recording);
    recording.transaction = (async (...args: Parameters<Db["transaction"]>) => {
      captured.push({ sql: "begin", params: [] });
      try {
        const result = await transaction(...args);
        captured.push({ sql: "commit", params: [] });
        return result;
      } catch (error) {
        captured.push({ sql: "rollback", params: [] });
        throw error;
      }
    }) as Db["transaction"];
  }
  conn.db = recording;
  try {
    await work();
  } finally {
    conn.db = original;
  }
  return captured;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Subplan Name"?: string;
  Plans?: PlanNode[];
}

/**
 * The plan PostgreSQL picks for the query with sequential scans priced out (enable_seqscan off):
 * a Seq Scan left in it means no index can serve the query at all, whatever the table's size.
 */
export async function explainWithoutSeqScans(query: CapturedQuery): Promise<PlanNode> {
  const conn = connection();
  const client = clientOf(conn.db);
  const text = `explain (format json) ${query.sql}`;
  let plan: unknown;
  if (conn.kind === "pglite") {
    plan = await (client as PGlite).transaction(async (tx) => {
      await tx.exec("set local enable_seqscan = off");
      return (await tx.query<Record<string, unknown>>(text, query.params)).rows[0]["QUERY PLAN"];
    });
  } else {
    plan = await (client as Sql).begin(async (tx) => {
      await tx.unsafe("set local enable_seqscan = off");
      const rows = await tx.unsafe(text, query.params as never[]);
      return rows[0]["QUERY PLAN"];
    });
  }
  const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: PlanNode }[];
  return parsed[0].Plan;
}

/** The tables the plan reads with a sequential scan. */
/** Subqueries PostgreSQL runs once over all their rows to hash them (an `exists (…)` column can become one): a read of the whole tenant, whatever the page shows. */
export function hashedSubplans(node: PlanNode): string[] {
  const own = typeof node["Subplan Name"] === "string" && /^hashed /.test(node["Subplan Name"]) ? [node["Subplan Name"]] : [];
  return [...own, ...(node.Plans ?? []).flatMap(hashedSubplans)];
}

export function seqScannedTables(node: PlanNode): string[] {
  const own = node["Node Type"] === "Seq Scan" && node["Relation Name"] ? [node["Relation Name"]] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScannedTables)];
}
