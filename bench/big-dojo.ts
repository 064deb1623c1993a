// A big dojo: 5,000 members, 100,000 invoices, 200,000 ledger entries, 20,000 shop orders and 20
// campaigns of 5,000 recipients on PostgreSQL; p50/p95 over 30 requests for every list page and
// the members area, beside a bare route (the framework's floor) and the goal (2× the floor).
// Run: npm run build && npm run bench:big-dojo
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { dojos, members, staffUsers } from "@/db/schema";
import { newUid } from "@/lib/members/uid";
import { freshDatabase, machine, percentile, printTable, startApp } from "./support";
import { sessionCookie } from "./session-cookie";

const MEMBERS = 5_000;
const INVOICES = 100_000;
const LEDGER = 200_000;
const ORDERS = 20_000;
const CAMPAIGNS = 20;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3901);

async function seed(sql: postgres.Sql) {
  const db = drizzle(sql);
  const [dojo] = await db.insert(dojos).values({ name: "Big Dojo", slug: `big-${Date.now()}`, currency: "EUR", plan: "ultimate" }).returning();
  const [owner] = await db.insert(staffUsers).values({ dojoId: dojo.id, role: "owner", email: "owner@big.test", name: "Owner", passwordHash: "unused" }).returning();
  const uids = new Set<string>();
  while (uids.size < MEMBERS) uids.add(newUid());
  const rows = [...uids].map((uid, i) => ({ dojoId: dojo.id, uid, firstName: `First${i}`, lastName: `Last${String(i).padStart(4, "0")}`, email: `member${i}@big.test` }));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(members).values(rows.slice(i, i + 1000));

  // Invoices spread over the last two years, mixed states, one line each.
  await sql`
    insert into invoices (dojo_id, member_id, number, status, currency, total_minor, paid_minor, issue_date, due_date, paid_at)
    select ${dojo.id}, m.id, to_char(d, 'YYYY') || '-' || lpad(i::text, 6, '0'),
           (case when i % 10 < 6 then 'paid' when i % 10 < 9 then 'open' else 'void' end)::invoice_status,
           'EUR', 5000, case when i % 10 < 6 then 5000 else 0 end, d::date, (d + interval '14 days')::date,
           case when i % 10 < 6 then d + interval '3 days' end
    from generate_series(1, ${INVOICES}) i
    cross join lateral (select now() - (i % 730) * interval '1 day' as d) dates
    join (select id, row_number() over (order by id) - 1 as rn from members where dojo_id = ${dojo.id}) m on m.rn = i % ${MEMBERS}`;
  await sql`
    insert into invoice_lines (dojo_id, invoice_id, position, description, quantity, unit_price_minor, amount_minor)
    select dojo_id, id, 1, 'Monthly training', 1, 5000, 5000 from invoices where dojo_id = ${dojo.id}`;
  await sql`
    insert into ledger_entries (dojo_id, date, kind, category, description, amount_minor, currency)
    select ${dojo.id}, (now() - (i % 730) * interval '1 day')::date,
           (case when i % 3 = 0 then 'cost' else 'revenue' end)::ledger_kind,
           case when i % 3 = 0 then 'Rent' else 'Invoice payments' end, 'Entry ' || i, 1000 + i % 5000, 'EUR'
    from generate_series(1, ${LEDGER}) i`;
  await sql`
    insert into shop_orders (dojo_id, number, buyer_name, buyer_email, status, payment, currency, total_minor, created_at)
    select ${dojo.id}, i, 'Buyer ' || i, 'buyer' || i || '@big.test',
           (case when i % 4 = 0 then 'pending' when i % 4 = 1 then 'paid' when i % 4 = 2 then 'fulfilled' else 'cancelled' end)::shop_order_status,
           (case when i % 2 = 0 then 'card' else 'at_dojo' end)::shop_payment_choice, 'EUR', 4500, now() - (i % 730) * interval '1 day'
    from generate_series(1, ${ORDERS}) i`;
  await sql`
    insert into campaigns (dojo_id, subject, body, recipient_filter, status, recipient_count, sent_count, created_by, created_at)
    select ${dojo.id}, 'Newsletter ' || c, 'Hello {firstname}', '{"kind":"all"}'::jsonb, 'sent', ${MEMBERS}, ${MEMBERS}, ${owner.id}, now() - c * interval '7 days'
    from generate_series(1, ${CAMPAIGNS}) c`;
  await sql`
    insert into campaign_recipients (dojo_id, campaign_id, member_id, email, status, batch_index, sent_at)
    select ${dojo.id}, c.id, m.id, m.email, 'sent', (row_number() over (partition by c.id order by m.id) - 1) / 100, c.created_at
    from campaigns c cross join members m where c.dojo_id = ${dojo.id} and m.dojo_id = ${dojo.id}`;
  // Vacuumed as autovacuum leaves a table that grew over years: index-only scans need the visibility map.
  await sql`vacuum analyze`;
  const [member] = await sql<{ id: string }[]>`select id from members where dojo_id = ${dojo.id} order by id limit 1`;
  const [invoice] = await sql<{ id: string }[]>`select id from invoices where dojo_id = ${dojo.id} and status = 'open' limit 1`;
  const [campaign] = await sql<{ id: string }[]>`select id from campaigns where dojo_id = ${dojo.id} order by created_at desc limit 1`;
  return { dojo, owner, memberId: member.id, invoiceId: invoice.id, campaignId: campaign.id };
}

async function timeRoute(url: string, cookie: string | null) {
  const durations: number[] = [];
  let status = 0;
  for (let i = 0; i < REQUESTS + 3; i++) {
    const start = performance.now();
    const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    await res.arrayBuffer();
    status = res.status;
    // The first requests warm the route up (compilation caches, connections): not counted.
    if (i >= 3) durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return { status, p50: percentile(durations, 50), p95: percentile(durations, 95) };
}

async function main() {
  const database = await freshDatabase("big");
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const seedStart = performance.now();
    const { dojo, owner, memberId, invoiceId, campaignId } = await seed(sql);
    console.log(`Seeded ${MEMBERS} members, ${INVOICES} invoices, ${LEDGER} ledger entries, ${ORDERS} orders, ${CAMPAIGNS} campaigns × ${MEMBERS} recipients in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    app = await startApp({ port: APP_PORT, databaseUrl: database.url });
    const staff = await sessionCookie({ kind: "staff", id: owner.id, dojoId: dojo.id, sv: 1 });
    const member = await sessionCookie({ kind: "member", id: memberId, dojoId: dojo.id, sv: 1 });
    const routes: Array<[string, string, string | null]> = [
      ["bare route, one query (floor)", "/api/health", null],
      ["members list", "/members", staff],
      ["members list, search", "/members?q=Last12", staff],
      ["members list, page 150", "/members?page=150&status=all", staff],
      ["invoices", "/invoices", staff],
      ["invoices, filtered (overdue)", "/invoices?status=overdue", staff],
      ["invoices, search", "/invoices?q=Last0042", staff],
      ["invoices of one member", `/invoices?member=${memberId}`, staff],
      ["orders", "/webshop/orders", staff],
      ["orders, paid", "/webshop/orders?status=paid", staff],
      ["campaigns", "/campaigns", staff],
      ["campaign recipients", `/campaigns/${campaignId}`, staff],
      ["ledger, this year", "/ledger?period=this-year", staff],
      // The longest range the page shows (5 years, monthly bars) and the issue-15 attack (capped to it).
      ["ledger, max range (5 years)", "/ledger?period=custom&from=2022-01-01&to=2026-12-31", staff],
      ["ledger, 0001–9999 (capped)", "/ledger?period=custom&from=0001-01-01&to=9999-12-31", staff],
      ["invoice page", `/invoices/${invoiceId}`, staff],
      ["members area, invoices", "/portal", member],
    ];
    const rows = [];
    let floor = 0;
    for (const [name, path, cookie] of routes) {
      const r = await timeRoute(`${app.url}${path}`, cookie);
      if (!floor) floor = r.p95;
      const ratio = r.p95 / floor;
      rows.push({ route: name, path, status: r.status, "p50 ms": r.p50.toFixed(1), "p95 ms": r.p95.toFixed(1), "× floor p95": ratio.toFixed(1), "goal ≤ 2×": ratio <= 2 ? "met" : "not met" });
    }
    console.log(`\nMachine: ${machine()} · ${new Date().toISOString()}`);
    printTable(`A big dojo: ${REQUESTS} sequential requests per route (after 3 warm-up requests)`, rows);
  } finally {
    app?.stop();
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
