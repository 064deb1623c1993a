// The big dojo of bench/big-dojo.ts: 5,000 members, 100,000 invoices, 200,000 ledger entries, 20,000
// shop orders and 20 campaigns × 5,000 recipients, written straight to PostgreSQL. Also seeds a
// database kept for EXPLAIN ANALYZE: `npx tsx --conditions=react-server bench/big-dojo-seed.ts <database url>`.
import path from "node:path";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { dojos, members, staffUsers } from "@/db/schema";
import { newUid } from "@/lib/members/uid";

export const MEMBERS = 5_000;
export const INVOICES = 100_000;
export const LEDGER = 200_000;
export const ORDERS = 20_000;
export const CAMPAIGNS = 20;

export async function seedBigDojo(sql: postgres.Sql) {
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

// Run directly: migrate and seed the given database and leave it there.
if (process.argv[1]?.endsWith("big-dojo-seed.ts")) {
  const sql = postgres(process.argv[2], { max: 2, onnotice: () => {} });
  migrate(drizzle(sql), { migrationsFolder: path.join(process.cwd(), "db", "migrations") }).then(() => seedBigDojo(sql)).then(
    async ({ dojo }) => {
      console.log(`Seeded dojo ${dojo.id}`);
      await sql.end();
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
