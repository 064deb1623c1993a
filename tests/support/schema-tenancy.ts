import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { is, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "./rows";

/** A table's keys, read from the drizzle schema or from a live database, in column names. */
export interface TableShape {
  name: string;
  columns: string[];
  /** Primary key, unique constraints and unique indexes. */
  uniques: string[][];
  foreignKeys: { name: string; columns: string[]; foreignTable: string; foreignColumns: string[] }[];
}

const DOJO = "dojo_id";

export function shapesOfSchema(schema: Record<string, unknown>): TableShape[] {
  return Object.values(schema)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      const columnNames = (columns: { name: string }[]) => columns.map((c) => c.name);
      return {
        name: config.name,
        columns: columnNames(config.columns),
        uniques: [
          ...config.columns.filter((c) => c.primary || c.isUnique).map((c) => [c.name]),
          ...config.primaryKeys.map((pk) => columnNames(pk.columns)),
          ...config.uniqueConstraints.map((u) => columnNames(u.columns)),
          ...config.indexes.filter((i) => i.config.unique).map((i) => i.config.columns.map((c) => ("name" in c ? String(c.name) : "?"))),
        ],
        foreignKeys: config.foreignKeys.map((fk) => {
          const ref = fk.reference();
          return { name: fk.getName(), columns: columnNames(ref.columns), foreignTable: getTableConfig(ref.foreignTable).name, foreignColumns: columnNames(ref.foreignColumns) };
        }),
      };
    });
}

/**
 * What breaks tenancy in the database: a tenant table without dojo_id or without a key that
 * includes it, a foreign key between tenant tables that does not carry dojo_id to dojo_id, and a
 * global table pointing into a tenant table (it could not be a reference table).
 */
export function tenancyViolations(shapes: TableShape[], isGlobal: (table: string) => boolean): string[] {
  const problems: string[] = [];
  for (const table of shapes) {
    if (isGlobal(table.name)) {
      for (const fk of table.foreignKeys) {
        if (!isGlobal(fk.foreignTable)) problems.push(`${table.name}: global table references tenant table ${fk.foreignTable} (${fk.name})`);
      }
      continue;
    }
    if (!table.columns.includes(DOJO)) {
      problems.push(`${table.name}: tenant table without ${DOJO}`);
      continue;
    }
    if (!table.uniques.some((key) => key.includes(DOJO))) problems.push(`${table.name}: no primary or unique key includes ${DOJO}`);
    for (const fk of table.foreignKeys) {
      if (isGlobal(fk.foreignTable)) continue;
      const at = fk.columns.indexOf(DOJO);
      if (at < 0 || fk.foreignColumns[at] !== DOJO) problems.push(`${table.name}: foreign key ${fk.name} (${fk.columns.join(", ")}) → ${fk.foreignTable} (${fk.foreignColumns.join(", ")}) does not carry ${DOJO}`);
    }
  }
  return problems;
}

const LIVE_KEYS = sql`
  select rel.relname as table_name, c.conname as name, c.contype as kind, frel.relname as foreign_table,
         array(select a.attname::text from unnest(c.conkey) with ordinality k(n, ord) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.ord) as columns,
         array(select a.attname::text from unnest(c.confkey) with ordinality k(n, ord) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.ord) as foreign_columns
  from pg_constraint c
  join pg_class rel on rel.oid = c.conrelid
  join pg_namespace ns on ns.oid = rel.relnamespace
  left join pg_class frel on frel.oid = c.confrelid
  where ns.nspname = 'public' and c.contype in ('p', 'u', 'f')
  union all
  select t.relname, i.relname, 'i', null,
         array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(n, ord) join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n order by k.ord),
         array[]::text[]
  from pg_index x
  join pg_class t on t.oid = x.indrelid
  join pg_class i on i.oid = x.indexrelid
  join pg_namespace ns on ns.oid = t.relnamespace
  where ns.nspname = 'public' and x.indisunique`;

/** The same shapes as the migrations left them in a live database. */
export async function shapesOfDatabase(db: DbOrTx): Promise<TableShape[]> {
  const columns = rowsOf(await db.execute(sql`select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name) where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> '__drizzle_migrations'`));
  const keys = rowsOf(await db.execute(LIVE_KEYS));
  const shapes = new Map<string, TableShape>();
  for (const row of columns) {
    const name = String(row.table_name);
    const shape = shapes.get(name) ?? { name, columns: [], uniques: [], foreignKeys: [] };
    shape.columns.push(String(row.column_name));
    shapes.set(name, shape);
  }
  for (const row of keys) {
    const shape = shapes.get(String(row.table_name));
    if (!shape) continue;
    const cols = row.columns as string[];
    if (row.kind === "f") shape.foreignKeys.push({ name: String(row.name), columns: cols, foreignTable: String(row.foreign_table), foreignColumns: row.foreign_columns as string[] });
    else shape.uniques.push(cols);
  }
  return [...shapes.values()];
}
