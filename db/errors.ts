// Postgres error 23505 (unique_violation), from postgres.js or PGlite, possibly wrapped by Drizzle.
export function isUniqueViolation(error: unknown): string | null {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const err = e as { code?: string; constraint_name?: string; constraint?: string; detail?: string; cause?: unknown };
    if (err.code === "23505") return err.constraint_name ?? err.constraint ?? err.detail ?? "unique";
    e = err.cause;
  }
  return null;
}
