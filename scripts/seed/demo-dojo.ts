import { count } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { dojos, staffUsers } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createMember } from "@/lib/members/create";
import { setMemberPassword } from "@/lib/members/password";
import { setMemberStatus } from "@/lib/members/status";
import { createInvoice } from "@/lib/invoices/create-invoice";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { recordPayment } from "@/lib/payments/record-payment";
import { appendLedgerEntry } from "@/lib/ledger/append";
import { isoDate } from "@/lib/dates";
import { seedDemoShop } from "./demo-shop";

export interface DemoLogins {
  owner: { email: string; password: string };
  staff: { email: string; password: string };
  member: { uid: string; password: string };
}

const FIRST = ["Mia", "Kenji", "Sofia", "Lucas", "Aiko", "Noah", "Emma", "Hiro", "Lena", "Mateo", "Yuki", "Olivia", "Ravi", "Sara", "Jonas", "Nora", "Ivan", "Chloe", "Tomas", "Ines"];
const LAST = ["Tanaka", "Novak", "Rossi", "Müller", "Kowalski", "Silva", "Jensen", "Horvat", "Sato", "Dubois", "Larsen", "Costa", "Nakamura", "Berg", "Kovač", "Ito", "Moreau", "Fischer", "Petrov", "Lind"];

// A small deterministic generator, so every fresh demo looks the same.
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** Seeds the Demo Dojo when the database has no dojo at all; otherwise does nothing. */
export async function seedIfEmpty(db?: Db, now = new Date()): Promise<DemoLogins | null> {
  db ??= await getDb();
  const [{ n }] = await db.select({ n: count() }).from(dojos);
  if (n > 0) return null;
  return seedDemoDojo(db, now);
}

async function seedDemoDojo(db: Db, now: Date): Promise<DemoLogins> {
  const random = rng(42);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const logins = {
    owner: { email: "owner@demo-dojo.test", password: "demo-owner-password" },
    staff: { email: "staff@demo-dojo.test", password: "demo-staff-password" },
    member: { uid: "", password: "demo-member-password" },
  };
  const [dojo] = await db.insert(dojos).values({ name: "Demo Dojo", slug: "demo-dojo", currency: "EUR", plan: "ultimate" }).returning();
  const [owner] = await db
    .insert(staffUsers)
    .values({ dojoId: dojo.id, role: "owner", name: "Olivia Owner", email: logins.owner.email, passwordHash: await hashPassword(logins.owner.password) })
    .returning();
  await db.insert(staffUsers).values({ dojoId: dojo.id, role: "staff", name: "Sam Staff", email: logins.staff.email, passwordHash: await hashPassword(logins.staff.password) });

  const memberIds: string[] = [];
  for (let i = 0; i < 40; i++) {
    const firstName = FIRST[i % FIRST.length];
    const lastName = LAST[(i * 7) % LAST.length];
    const member = await createMember(db, dojo.id, {
      firstName,
      lastName,
      email: `${firstName}.${lastName}`.toLowerCase().normalize("NFKD").replace(/[^a-z.]/g, "") + `${i}@example.test`,
      phone: `+385 91 ${String(1_000_000 + i * 7919).slice(0, 7)}`,
      birthDate: isoDate(new Date(Date.UTC(1975 + (i % 35), i % 12, 1 + (i % 27)))),
      address: null,
      notes: i % 9 === 0 ? "Brown belt exam planned this season." : null,
    });
    memberIds.push(member.id);
    if (i === 0) {
      logins.member.uid = member.uid;
      await setMemberPassword(db, dojo.id, member.id, await hashPassword(logins.member.password));
    }
    if (i >= 36) await setMemberStatus(db, dojo.id, member.id, "inactive");
  }

  const ctx = { dojo: { id: dojo.id, currency: dojo.currency }, userId: owner.id };
  const fees = [
    { description: "Monthly training fee", unitPrice: "45.00" },
    { description: "Monthly training fee (student)", unitPrice: "35.00" },
    { description: "Family membership", unitPrice: "80.00" },
  ];
  const extras = [
    { description: "Gi (uniform)", unitPrice: "59.90" },
    { description: "Belt exam fee", unitPrice: "25.00" },
    { description: "Seminar weekend", unitPrice: "120.00" },
  ];
  // About 120 invoices over the last twelve months, oldest first so numbers follow dates.
  for (let monthsAgo = 11; monthsAgo >= 0; monthsAgo--) {
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
    for (let k = 0; k < 10; k++) {
      // The member whose login is printed gets one invoice a month, so the members area shows some.
      const memberId = k === 0 ? memberIds[0] : memberIds[Math.floor(random() * 36)];
      const issue = addDays(monthStart, Math.floor(random() * 5));
      if (issue > now) continue;
      const lines = [{ ...pick(fees), quantity: 1 }];
      if (random() < 0.2) lines.push({ ...pick(extras), quantity: 1 });
      const roll = random();
      const draft = monthsAgo === 0 && roll < 0.15;
      await db.transaction(async (tx) => {
        const invoice = await createInvoice(tx, ctx, { memberId, lines, issueDate: isoDate(issue), dueDate: isoDate(addDays(issue, 30)), notes: null, issue: !draft });
        if (draft) return;
        if (roll < 0.05 && monthsAgo > 0) {
          await voidInvoice(tx, dojo.id, invoice.id, "Issued twice by mistake");
          return;
        }
        // Recent months keep some invoices open (a few of them overdue) and one partly paid.
        const unpaid = monthsAgo <= 1 ? roll < 0.5 : roll < 0.08;
        if (unpaid) {
          if (roll < 0.12) {
            await recordPayment(tx, { dojoId: dojo.id, invoiceId: invoice.id, method: "cash", amountMinor: Math.floor(invoice.totalMinor / 2), currency: invoice.currency, paidAt: addDays(issue, 3), recordedBy: owner.id });
          }
          return;
        }
        const paidAt = addDays(issue, 1 + Math.floor(random() * 12));
        await recordPayment(tx, {
          dojoId: dojo.id,
          invoiceId: invoice.id,
          method: random() < 0.6 ? "bank_transfer" : "cash",
          amountMinor: invoice.totalMinor,
          currency: invoice.currency,
          paidAt: paidAt > now ? now : paidAt,
          reference: null,
          recordedBy: owner.id,
        });
      });
    }
    // The dojo's running costs.
    const costs = [
      { category: "Rent", description: "Hall rent", amountMinor: 30_000 },
      { category: "Utilities", description: "Electricity and water", amountMinor: 4_000 + Math.floor(random() * 3_000) },
    ];
    if (monthsAgo % 3 === 0) costs.push({ category: "Insurance", description: "Liability insurance (quarter)", amountMinor: 12_000 });
    if (random() < 0.3) costs.push({ category: "Equipment", description: "Mats and pads", amountMinor: 5_000 + Math.floor(random() * 15_000) });
    for (const cost of costs) {
      const date = addDays(monthStart, 2);
      if (date > now) continue;
      await appendLedgerEntry(db, { dojoId: dojo.id, date: isoDate(date), kind: "cost", currency: dojo.currency, createdBy: owner.id, ...cost });
    }
  }
  await seedDemoShop(db, dojo);
  return logins;
}
