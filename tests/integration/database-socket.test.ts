import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresPool } from "@/db/client";

// DATABASE_URL may name a local server's Unix socket directory, as libpq does (lib/env.ts,
// postgresTarget): the app's pool then connects through the socket, not loopback TCP. This test
// needs the PostgreSQL server of the run (DATABASE_URL) and its socket directory on this machine.
const SOCKET_DIR = process.env.TEST_POSTGRES_SOCKET_DIR ?? "/var/run/postgresql";
const tcp = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;
const port = tcp?.port || "5432";
const runnable = !!tcp && existsSync(`${SOCKET_DIR}/.s.PGSQL.${port}`);
const why = runnable ? "" : ` (not run: needs DATABASE_URL and the server's socket ${SOCKET_DIR}/.s.PGSQL.${port})`;

describe("PostgreSQL over a Unix socket", () => {
  it.skipIf(!runnable)(`db/client's pool connects through the socket DATABASE_URL names, in both of libpq's spellings${why}`, async () => {
    const user = `${tcp!.username}${tcp!.password ? `:${tcp!.password}` : ""}`;
    const database = tcp!.pathname.slice(1);
    const spellings = [`postgres://${user}@${encodeURIComponent(SOCKET_DIR)}:${port}/${database}`];
    if (port === "5432") spellings.push(`postgres://${user}@/${database}?host=${SOCKET_DIR}`);
    for (const url of spellings) {
      const sql = postgresPool(url, { max: 1 });
      try {
        // No server address: the session came in through the socket, not TCP.
        const [row] = await sql<{ address: string | null; database: string }[]>`select inet_server_addr()::text as address, current_database() as database`;
        expect(row, url).toEqual({ address: null, database });
      } finally {
        await sql.end();
      }
    }
    // The same check over TCP does see an address (so the one above says something).
    const overTcp = postgresPool(tcp!.toString(), { max: 1 });
    try {
      const [row] = await overTcp<{ address: string | null }[]>`select inet_server_addr()::text as address`;
      expect(row.address).not.toBeNull();
    } finally {
      await overTcp.end();
    }
  });
});
