/** The rows of a `db.execute` result: PGlite answers { rows }, postgres-js an array of rows. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? (result as Record<string, unknown>[])) as Record<string, unknown>[];
}
