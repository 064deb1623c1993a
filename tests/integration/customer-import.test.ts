import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { invoices, jobs, ledgerEntries, payments, stripeCustomerImports } from "@/db/schema";
import { setCustomerIdAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { advanceClock, customerWithCard, DAY, JAN_1_2026, monthlyPrice } from "@tatami/stripe-emulator/billing-support";
import { STRIPE_CUSTOMER_IMPORT_JOB } from "@/lib/jobs/kinds";
import { MAIL_JOB_PREFIX } from "@/lib/jobs/queue";
import { runDueJobs } from "@/lib/jobs/worker";
import { paymentReceiptMail } from "@/lib/payments/card/receipt-mail";
import { importCustomerInvoices } from "@/lib/subscriptions/import-customer-invoices";
import { memberStripeOverview } from "@/lib/subscriptions/member-overview";
import { dojoWithStripe } from "../support/card-payment";
import { createMember } from "../support/factories";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));

/** What Tatami holds for a member: their invoices, payments and revenue entries. */
async function booksOf(memberId: string) {
  const db = await getDb();
  const rows = await db.select().from(invoices).where(eq(invoices.memberId, memberId)).orderBy(invoices.issueDate);
  const paid = await db.select({ payment: payments }).from(payments).innerJoin(invoices, eq(invoices.id, payments.invoiceId)).where(eq(invoices.memberId, memberId));
  const revenue = await db
    .select({ entry: ledgerEntries })
    .from(ledgerEntries)
    .innerJoin(invoices, eq(invoices.id, ledgerEntries.invoiceId))
    .where(and(eq(invoices.memberId, memberId), eq(ledgerEntries.kind, "revenue")));
  return { invoices: rows, payments: paid.map((p) => p.payment), revenue: revenue.map((r) => r.entry) };
}

describe("linking an existing Stripe customer by ID", () => {
  it("imports the customer's three past paid subscription invoices as paid invoices with revenue, once, even when linked twice", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    // Before Tatami knew them: a customer subscribed in Stripe for three months (three paid invoices).
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
    const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
    const price = await monthlyPrice(stripe, 4500);
    const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    await advanceClock(stripe, clock.id, JAN_1_2026 + 31 * DAY + 2 * 3600);
    await advanceClock(stripe, clock.id, JAN_1_2026 + 59 * DAY + 2 * 3600);
    const paidInStripe = (await stripe.invoices.list({ customer: customer.id, status: "paid" })).data;
    expect(paidInStripe).toHaveLength(3);
    // A one-off invoice-less charge of the same customer is not a subscription payment: not imported.
    await stripe.paymentIntents.create({ amount: 999, currency: "eur", customer: customer.id, payment_method: "pm_card_visa", confirm: true });

    const member = await createMember(dojo.id);
    expect(await setCustomerIdAction({ memberId: member.id, customerId: customer.id })).toEqual({ ok: true, data: { customerId: customer.id } });
    const db = await getDb();
    // The link and its import job were written together; nothing is imported before the job runs.
    expect(await db.select().from(jobs).where(and(eq(jobs.kind, STRIPE_CUSTOMER_IMPORT_JOB), eq(jobs.dojoId, dojo.id)))).toHaveLength(1);
    expect((await booksOf(member.id)).invoices).toEqual([]);
    let overview = await memberStripeOverview(db, dojo, member.id);
    expect(overview.connected && overview.customerImport).toMatchObject({ status: "queued", customerId: customer.id });

    await runDueJobs(db);
    let books = await booksOf(member.id);
    expect(books.invoices).toHaveLength(3);
    expect(books.invoices.every((i) => i.status === "paid" && i.source === "subscription" && i.totalMinor === 4500 && i.paidMinor === 4500)).toBe(true);
    expect(books.invoices.map((i) => i.stripeInvoiceId).sort()).toEqual(paidInStripe.map((i) => i.id).sort());
    // Numbered in the order they were paid.
    expect(books.invoices.map((i) => i.issueDate)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(books.payments).toHaveLength(3);
    expect(books.revenue.map((e) => e.amountMinor)).toEqual([4500, 4500, 4500]);
    // Old payments are history, not news: the member is not mailed a receipt for each.
    expect(await db.select().from(jobs).where(and(eq(jobs.kind, `${MAIL_JOB_PREFIX}${paymentReceiptMail.name}`), eq(jobs.dojoId, dojo.id)))).toEqual([]);
    overview = await memberStripeOverview(db, dojo, member.id);
    expect(overview.connected && overview.customerImport).toMatchObject({ status: "done", found: 3, imported: 3, error: null });
    expect(overview.connected && overview.subscriptions).toEqual([expect.objectContaining({ stripeSubscriptionId: subscription.id, status: "active" })]);

    // Linking again (a second click, another tab): no second import, nothing twice.
    expect(await setCustomerIdAction({ memberId: member.id, customerId: customer.id })).toMatchObject({ ok: true });
    expect(await db.select().from(jobs).where(and(eq(jobs.kind, STRIPE_CUSTOMER_IMPORT_JOB), eq(jobs.dojoId, dojo.id)))).toHaveLength(1);
    await runDueJobs(db);
    // Even the job itself run again (a retry after a crash) imports nothing twice.
    const [row] = await db.select().from(stripeCustomerImports).where(eq(stripeCustomerImports.memberId, member.id));
    await db.update(stripeCustomerImports).set({ status: "queued" }).where(eq(stripeCustomerImports.id, row.id));
    expect(await importCustomerInvoices(db, row.id, customer.id)).toMatchObject({ status: "done", found: 3, imported: 0 });
    books = await booksOf(member.id);
    expect(books.invoices).toHaveLength(3);
    expect(books.payments).toHaveLength(3);
    expect(books.revenue).toHaveLength(3);
  });
});
