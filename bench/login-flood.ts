// A member's login while the public endpoints are flooded: p50/p95 of the real login alone and
// with 50 concurrent garbage requests (garbage invitation tokens for "set password" and staff
// invitations, sign-ups with made-up addresses), each flooder from its own address.
// Goal: p95 under flood ≤ 2 × p95 alone. Run: npm run build && npm run bench:login-flood
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { dojos, members } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { newUid } from "@/lib/members/uid";
import { serverActionId } from "../e2e/support/server-action";
import { freshDatabase, machine, percentile, printTable, startApp } from "./support";

const LOGINS = Number(process.env.BENCH_REQUESTS ?? 30);
const FLOODERS = Number(process.env.BENCH_FLOODERS ?? 50);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3902);
const PASSWORD = "bench member password";

const actions = {
  logInMember: { id: serverActionId("logInMember", "app/portal/(public)/login/actions.ts"), path: "/portal/login" },
  setPassword: { id: serverActionId("setPasswordFromInvitation", "app/portal/(public)/set-password/[token]/actions.ts"), path: "/portal/set-password/x" },
  acceptInvitation: { id: serverActionId("acceptStaffInvitation", "app/invite/[token]/actions.ts"), path: "/invite/x" },
  signUp: { id: serverActionId("signUp", "app/(auth)/signup/actions.ts"), path: "/signup" },
};

/** Posts a server action as the browser does, from `address` (the app trusts one proxy hop: us). */
async function call(base: string, action: keyof typeof actions, input: unknown, address: string): Promise<string> {
  const { id, path } = actions[action];
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: base, "X-Forwarded-For": address },
    body: JSON.stringify([input]),
  });
  return res.text();
}

async function seed(sql: postgres.Sql) {
  const db = drizzle(sql);
  const [dojo] = await db.insert(dojos).values({ name: "Flood Dojo", slug: `flood-${Date.now()}`, currency: "EUR", plan: "ultimate" }).returning();
  const uid = newUid();
  await db.insert(members).values({ dojoId: dojo!.id, uid, firstName: "Real", lastName: "Member", passwordHash: await hashPassword(PASSWORD) });
  return uid;
}

async function timeLogins(base: string, uid: string): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < LOGINS; i++) {
    const start = performance.now();
    const body = await call(base, "logInMember", { uid, password: PASSWORD }, "198.51.100.1");
    durations.push(performance.now() - start);
    if (!body.includes('"ok":true')) throw new Error(`The real member's login failed: ${body.slice(0, 300)}`);
  }
  return durations.sort((a, b) => a - b);
}

function garbage(i: number, n: number): [keyof typeof actions, unknown] {
  const token = `${crypto.randomUUID()}.${Date.now() + 86_400_000}.${"x".repeat(43)}`;
  switch (n % 3) {
    case 0:
      return ["setPassword", { token, password: "garbage password 123", confirm: "garbage password 123" }];
    case 1:
      return ["acceptInvitation", { token: "g".repeat(43), name: "Mallory", password: "garbage password 123" }];
    default:
      return ["signUp", { dojoName: `Flood ${i} ${n}`, slug: `flood-${i}-${n}-${Date.now()}`, currency: "EUR", ownerName: "Mallory", email: `flood-${i}-${n}@example.test`, password: "garbage password 123" }];
  }
}

async function main() {
  const database = await freshDatabase("login_flood");
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  const uid = await seed(sql);
  const app = await startApp({ port: APP_PORT, databaseUrl: database.url, env: { JOB_WORKER: "off", TRUSTED_PROXY_HOPS: "1" } });
  try {
    await timeLogins(app.url, uid); // warm-up: compiled routes, connections
    const alone = await timeLogins(app.url, uid);

    let running = true;
    let sent = 0;
    let refused = 0;
    const flood = Array.from({ length: FLOODERS }, async (_, i) => {
      for (let n = 0; running; n++) {
        const [action, input] = garbage(i, n);
        const body = await call(app.url, action, input, `203.0.113.${i + 1}`).catch(() => "");
        sent++;
        if (body.includes("Too many")) refused++;
      }
    });
    await new Promise((r) => setTimeout(r, 2_000));
    const flooded = await timeLogins(app.url, uid);
    running = false;
    await Promise.all(flood);

    const p95Alone = percentile(alone, 95);
    const p95Flooded = percentile(flooded, 95);
    console.log(`\n${machine()}`);
    printTable(`Member login, ${LOGINS} in a row (server action, argon2 verify included)`, [
      { load: "alone", "p50 ms": Math.round(percentile(alone, 50)), "p95 ms": Math.round(p95Alone) },
      { load: `${FLOODERS} concurrent garbage requests`, "p50 ms": Math.round(percentile(flooded, 50)), "p95 ms": Math.round(p95Flooded) },
    ]);
    printTable("Flood", [{ "garbage requests": sent, "refused by a throttle": refused, "p95 flooded / alone": (p95Flooded / p95Alone).toFixed(2) }]);
  } finally {
    app.stop();
    await sql.end();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
