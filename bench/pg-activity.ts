// Where the app's database connections spend a run, sampled from pg_stat_activity (the shared
// server has no pg_stat_statements preloaded, and loading it needs a restart): each sample counts
// every client backend of the database as running a statement, waiting on a lock (which
// statement), idle inside a transaction (waiting for the app: its CPU or the next round trip) or
// idle in the pool. The shares of samples say where a delivery's time goes, without timing probes
// in the app itself.
import postgres from "postgres";

const EVERY_MS = 20;

export function sampleActivity(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const rows = await sql<{ state: string | null; wait: string | null; query: string }[]>`
        select state, wait_event_type || ':' || wait_event as wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) as query
        from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`;
      samples++;
      for (const row of rows) {
        const what =
          row.state === "active"
            ? row.wait?.startsWith("Lock:")
              ? `waiting on a lock (${row.wait}): ${row.query}`
              : `running${row.wait ? ` (${row.wait})` : ""}: ${row.query}`
            : row.state === "idle in transaction"
              ? "idle in transaction (the app's turn)"
              : `idle (${row.state})`;
        counts.set(what, (counts.get(what) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, EVERY_MS));
    }
  })();
  return {
    /** Stops sampling; the most frequent states first, as average backends per sample. */
    async stop(top = 12) {
      stopped = true;
      await loop;
      await sql.end();
      return [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([state, n]) => ({ state, "backends (avg)": (n / samples).toFixed(2) }));
    },
  };
}
