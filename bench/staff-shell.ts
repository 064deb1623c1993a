// The staff dashboard's shell: what a staff page costs before its own data. A small dojo (one
// member), so the list pages' queries cost nothing; the smallest staff page (My account) is then
// the shell alone — session, layout, navigation, the dashboard's words — against the floor of the
// same run (a bare route doing one query) and a bare server-rendered page (the root layout and one
// query, /bench/floor): what any page of this framework costs; then the staff shell a piece at a
// time (/bench/shell/session, /bench/shell/shell). Prints p50/p95, the server's CPU time per
// request (steadier than wall time on a shared machine: waiting for a core is not counted) and
// the HTML sent.
// Run: npm run build && npm run bench:shell   (BENCH_REQUESTS to change)
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { staffUsers } from "@/db/schema";
import { freshDatabase, machine, percentile, printTable, seedDojoWithMember, startApp } from "./support";
import { sessionCookie } from "./session-cookie";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const WARM_UP = 10;
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3902);

async function main() {
  const database = await freshDatabase("shell");
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const db = drizzle(sql);
    const { dojo } = await seedDojoWithMember(db, "Shell");
    const [owner] = await db.insert(staffUsers).values({ dojoId: dojo.id, role: "owner", email: "owner@shell.test", name: "Owner", passwordHash: "unused" }).returning();
    app = await startApp({ port: APP_PORT, databaseUrl: database.url, env: { BENCH_ROUTES: "on" } });
    const cookie = await sessionCookie({ kind: "staff", id: owner.id, dojoId: dojo.id, sv: 1 });
    const rows: Array<Record<string, string | number>> = [];
    let floorP50 = 0;
    for (const [name, path] of [
      ["bare route, one query (floor)", "/api/health"],
      ["bare page, root layout + one query", "/bench/floor"],
      ["staff session only (cookie, one query, language)", "/bench/shell/session"],
      ["staff shell around an empty page", "/bench/shell/shell"],
      ["My account (the shell alone)", "/account"],
      ["members list, one member", "/members"],
      ["dashboard", "/dashboard"],
    ] as const) {
      const times: number[] = [];
      let bytes = 0;
      let cpuBefore = 0;
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        const start = performance.now();
        const res = await fetch(app.url + path, { headers: { cookie }, redirect: "manual" });
        const body = await res.text();
        // A build from before the bench's shell pages: compared on the rows it has.
        if (res.status === 404 && path.startsWith("/bench/shell/")) break;
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        if (i >= WARM_UP) times.push(performance.now() - start);
        if (i === WARM_UP - 1) cpuBefore = app.cpuMs();
        bytes = Buffer.byteLength(body);
      }
      if (!times.length) continue;
      times.sort((a, b) => a - b);
      const p50 = percentile(times, 50);
      if (!floorP50) floorP50 = p50;
      rows.push({ page: name, path, "p50 ms": p50.toFixed(1), "p95 ms": percentile(times, 95).toFixed(1), "× floor p50": (p50 / floorP50).toFixed(1), "server CPU ms/req": ((app.cpuMs() - cpuBefore) / REQUESTS).toFixed(1), "HTML kB": (bytes / 1000).toFixed(1) });
    }
    console.log(`Machine: ${machine()}`);
    printTable(`The staff shell: ${REQUESTS} sequential requests per page after ${WARM_UP} warm-up`, rows);
  } finally {
    await app?.stop();
    await sql.end();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
