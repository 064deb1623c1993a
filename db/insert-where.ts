import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";

/**
 * `INSERT INTO table (…) SELECT <values> WHERE condition`: the insert of `db.insert(table).values(…)`
 * that writes nothing when `condition` is false — for a WITH clause that must act only together with
 * the rest of its statement (storePayment's guarded write). Every column is listed, defaults
 * included, and each value is cast to its column's type: a SELECT list, unlike VALUES, does not take
 * its types from the columns it fills.
 */
export function insertWhere<T extends PgTable>(db: Pick<DbOrTx, "insert">, table: T, values: PgInsertValue<T>, condition: SQL) {
  const given = values as Record<string, unknown>;
  const list = Object.entries(getTableColumns(table))
    // As drizzle's own insert: a generated column (not "by default") takes no value.
    .filter(([, column]) => !column.generated || column.generated.type === "byDefault")
    .map(([key, column]) => {
      const type = sql.raw(column.getSQLType());
      const value = given[key] !== undefined ? given[key] : column.defaultFn ? column.defaultFn() : column.default;
      if (value === undefined) return sql`null::${type}`;
      return is(value, SQL) ? sql`(${value})::${type}` : sql`${sql.param(value, column)}::${type}`;
    });
  return db.insert(table).select(sql`select ${sql.join(list, sql`, `)} where ${condition}`);
}
