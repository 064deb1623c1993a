import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { rowsOf } from "../rows";

type Rows = Record<string, string[]>;


/**
 * Every row of the given dojos, in every table that has a dojo_id column (found in the
 * catalogue, so tables added later are covered too), plus the dojos' own rows. Two snapshots
 * compare equal only when not one of those rows changed, appeared or disappeared.
 */
export async function tenantSnapshot(dojoIds: string[]): Promise<Rows> {
  const db = await getDb();
  const tables = rowsOf(await db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'dojo_id' order by table_name`)).map((r) =>
    String(r.table_name),
  );
  const ids = sql.join(
    dojoIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const out: Rows = {};
  out.dojos = rowsOf(await db.execute(sql`select row_to_json(t)::text as j from dojos t where id in (${ids}) order by 1`)).map((r) => String(r.j));
  for (const table of tables) {
    const rows = await db.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t where dojo_id in (${ids}) order by 1`);
    out[table] = rowsOf(rows).map((r) => String(r.j));
  }
  return out;
}

/**
 * Rows that point at another dojo's record: for every `<thing>_id` column of a tenant table
 * whose `<thing>s` table is a tenant table too (invoice_id → invoices, member_id → members...),
 * the row and the record it names must belong to the same dojo. Found in the catalogue, so
 * new tables are covered.
 */
export async function crossTenantReferences(tx?: DbOrTx): Promise<string[]> {
  const db = tx ?? (await getDb());
  const columns = rowsOf(
    await db.execute(sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and column_name like '%\_id' and column_name <> 'dojo_id'`),
  ).map((r) => ({
    table: String(r.table_name),
    column: String(r.column_name),
  }));
  const tenant = new Set(rowsOf(await db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'dojo_id'`)).map((r) => String(r.table_name)));
  const out: string[] = [];
  for (const { table, column } of columns) {
    const target = `${column.slice(0, -3)}s`;
    if (!tenant.has(table) || !tenant.has(target)) continue;
    const bad = rowsOf(
      await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} r join ${sql.identifier(target)} t on t.id = r.${sql.identifier(column)} where t.dojo_id <> r.dojo_id`),
    );
    if (Number(bad[0].n) > 0) out.push(`${table}.${column} → ${target}: ${bad[0].n} row(s) of another dojo`);
  }
  return out;
}
