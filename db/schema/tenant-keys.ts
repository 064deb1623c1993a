import { foreignKey, unique, type AnyPgColumn } from "drizzle-orm/pg-core";

// The database enforces tenancy: a row of one dojo can never point at a row of another, because
// every reference between tenant tables carries dojo_id on both sides. The same keys are what
// distributing the tables by dojo_id requires (docs/operations.md, "Distributing by dojo").

interface TenantRow {
  dojoId: AnyPgColumn;
  id: AnyPgColumn;
}

/** Unique (dojo_id, id): the key tenant foreign keys point at. */
export function tenantKey(table: string, t: TenantRow) {
  return unique(`${table}_tenant_key`).on(t.dojoId, t.id);
}

/** (dojo_id, column) → parent (dojo_id, id). A null column is not checked (MATCH SIMPLE). */
export function tenantReference(name: string, dojoId: AnyPgColumn, column: AnyPgColumn, parent: TenantRow) {
  return foreignKey({ name, columns: [dojoId, column], foreignColumns: [parent.dojoId, parent.id] });
}
