import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

type Rows = Record<string, string[]>;

function rowsOf(result: unknown): Record<string, unknown>[] {
  // PGlite answers { rows }, postgres-js an array of rows.
  return ((result as { rows?: Record<string, unknown>[] }).rows ??
    (result as Record<string, unknown>[])) as Record<string, unknown>[];
}

/**
 * Every row of the given dojos, in every table that has a dojo_id column (found in the
 * catalogue, so tables added later are covered too), plus the dojos' own rows. Two snapshots
 * compare equal only when not one of those rows changed, appeared or disappeared.
 */
export async function tenantSnapshot(dojoIds: string[]): Promise<Rows> {
  const db = await getDb();
  const tables = rowsOf(
    await db.execute(
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'dojo_id' order by table_name`,
    ),
  ).map((r) => String(r.table_name));
  const ids = sql.join(
    dojoIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const out: Rows = {};
  out.dojos = rowsOf(
    await db.execute(
      sql`select row_to_json(t)::text as j from dojos t where id in (${ids}) order by 1`,
    ),
  ).map((r) => String(r.j));
  for (const table of tables) {
    const rows = await db.execute(
      sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t where dojo_id in (${ids}) order by 1`,
    );
    out[table] = rowsOf(rows).map((r) => String(r.j));
  }
  return out;
}
