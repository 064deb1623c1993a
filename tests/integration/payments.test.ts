import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices, ledgerEntries, payments } from "@/db/schema";
import { recordPaymentAction } from "@/app/(staff)/invoices/actions";
import { presentError } from "@/lib/action-errors";
import type { AppError } from "@/lib/errors";
import { recordPayment, type RecordPaymentInput } from "@/lib/payments/record-payment";
import { createMember, signedInDojo } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";
import { wordsOf } from "../support/refusal";

async function stateOf(invoiceId: string) {
  const db = await getDb();
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  const paymentRows = await db.select().from(payments).where(eq(payments.invoiceId, invoiceId));
  const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.invoiceId, invoiceId));
  return { invoice, payments: paymentRows, entries };
}

/** An open invoice of 50.00 EUR for "Kenji Sato", with its owner signed in. */
async function openInvoice(opts: { currency?: string } = {}) {
  const { dojo, user } = await signedInDojo(opts);
  const member = await createMember(dojo.id, { firstName: "Kenji", lastName: "Sato" });
  const invoice = await createTestInvoice(dojo, member.id, { issue: true, ...(opts.currency === "JPY" ? { lines: [{ description: "Keiko", quantity: 1, unitPrice: "5000" }] } : {}) });
  return { dojo, user, member, invoice };
}

const card = (dojoId: string, invoiceId: string, overrides: Partial<RecordPaymentInput> = {}): RecordPaymentInput => ({
  dojoId,
  invoiceId,
  method: "card",
  amountMinor: 5000,
  currency: "EUR",
  paidAt: new Date("2026-03-03T10:00:00Z"),
  stripePaymentIntentId: `pi_${invoiceId.slice(0, 8)}`,
  stripeChargeId: `ch_${invoiceId.slice(0, 8)}`,
  ...overrides,
});

describe("recording manual payments", () => {
  it("a partial then a full payment make the invoice paid, with exactly one revenue entry per payment", async () => {
    const { invoice, user } = await openInvoice();
    const first = await recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount: "20", paidOn: "2026-03-02", reference: "Till 1" });
    expect(first).toMatchObject({ ok: true, data: { status: "open" } });
    let state = await stateOf(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 2000, paidAt: null });

    const second = await recordPaymentAction({ invoiceId: invoice.id, method: "bank_transfer", amount: "30.00", paidOn: "2026-03-05" });
    expect(second).toMatchObject({ ok: true, data: { status: "paid" } });
    state = await stateOf(invoice.id);
    expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    expect(state.invoice.paidAt?.toISOString().slice(0, 10)).toBe("2026-03-05");
    expect(state.payments.map((p) => [p.method, p.amountMinor, p.reference, p.recordedBy])).toEqual(
      expect.arrayContaining([
        ["cash", 2000, "Till 1", user.id],
        ["bank_transfer", 3000, null, user.id],
      ]),
    );
    expect(state.entries).toHaveLength(2);
    for (const payment of state.payments) {
      const entries = state.entries.filter((e) => e.paymentId === payment.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        kind: "revenue",
        category: "Invoice payments",
        amountMinor: payment.amountMinor,
        currency: "EUR",
        date: payment.paidAt.toISOString().slice(0, 10),
        description: `Invoice ${invoice.number} · Kenji Sato`,
      });
    }
    expect(await recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount: "1", paidOn: "2026-03-05" })).toMatchObject({ ok: false, error: expect.stringContaining("already paid") });
  });

  it("refuses cash on a subscription invoice that Stripe still collects (it would be charged twice)", async () => {
    const { invoice } = await openInvoice();
    const db = await getDb();
    await db.update(invoices).set({ source: "subscription", stripeInvoiceId: `in_test_${invoice.id.slice(0, 8)}` }).where(eq(invoices.id, invoice.id));
    const result = await recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount: "10.00", paidOn: "2026-03-02" });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Stripe collects this subscription invoice") });
    expect((await stateOf(invoice.id)).payments).toHaveLength(0);
  });

  it("refuses an over-payment and writes nothing", async () => {
    const { invoice } = await openInvoice();
    const result = await recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount: "50.01", paidOn: "2026-03-02" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { amount: [expect.stringContaining("€50.00")] } });
    const state = await stateOf(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.payments).toHaveLength(0);
    expect(state.entries).toHaveLength(0);
  });

  it("refuses bad amounts, card as a manual method and a future date with field errors", async () => {
    const { invoice } = await openInvoice();
    for (const [values, field] of [
      [{ amount: "0" }, "amount"],
      [{ amount: "-5" }, "amount"],
      [{ amount: "1.234" }, "amount"],
      [{ amount: "" }, "amount"],
      [{ method: "card" }, "method"],
      [{ paidOn: "2999-01-01" }, "paidOn"],
    ] as const) {
      const base = { invoiceId: invoice.id, method: "cash", amount: "10", paidOn: "2026-03-02" };
      const result = await recordPaymentAction({ ...base, ...values } as never);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    }
    expect((await stateOf(invoice.id)).payments).toHaveLength(0);
  });

  it("refuses payments on a draft or a void invoice", async () => {
    const { dojo, member } = await openInvoice();
    const draft = await createTestInvoice(dojo, member.id);
    expect(await recordPaymentAction({ invoiceId: draft.id, method: "cash", amount: "5", paidOn: "2026-03-02" })).toMatchObject({ ok: false, error: expect.stringContaining("Issue the invoice") });
    const db = await getDb();
    await db.update(invoices).set({ status: "void", voidReason: "test" }).where(eq(invoices.id, draft.id));
    expect(await recordPaymentAction({ invoiceId: draft.id, method: "cash", amount: "5", paidOn: "2026-03-02" })).toMatchObject({ ok: false, error: expect.stringContaining("void") });
    expect((await stateOf(draft.id)).payments).toHaveLength(0);
  });

  it("reads amounts in the invoice's currency (JPY has no decimals)", async () => {
    const { invoice } = await openInvoice({ currency: "JPY" });
    expect(await recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount: "100.5", paidOn: "2026-03-02" })).toMatchObject({ ok: false, fieldErrors: { amount: ["JPY amounts have no decimals"] } });
    expect(await recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount: "5000", paidOn: "2026-03-02" })).toMatchObject({ ok: true, data: { status: "paid" } });
    expect((await stateOf(invoice.id)).entries.map((e) => [e.amountMinor, e.currency])).toEqual([[5000, "JPY"]]);
  });

  it("a payment made while another is being recorded cannot over-pay the invoice", async () => {
    const { dojo, invoice } = await openInvoice();
    const db = await getDb();
    const cash = (reference: string) => card(dojo.id, invoice.id, { method: "cash", amountMinor: 3000, stripePaymentIntentId: null, stripeChargeId: null, reference });
    // The first payment is recorded but not yet committed when the second one starts.
    let release!: () => void;
    let recorded!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const firstRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const first = db.transaction(async (tx) => {
      const result = await recordPayment(tx, cash("till 1"));
      recorded();
      await gate;
      return result;
    });
    await firstRecorded;
    // Its outcome is taken at once: it may be refused before the first one's commit is seen here,
    // and a rejection nobody holds yet is an unhandled one.
    const second = db.transaction((tx) => recordPayment(tx, cash("till 2"))).then(() => null, (error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await expect(first).resolves.toMatchObject({ created: true });
    const refused = await second;
    expect(refused).toMatchObject({ code: "INVALID_AMOUNT", details: { reason: "more_than_open", openMinor: 2000 } });
    expect(presentError(refused as AppError).error).toMatch(/more than the €20.00 still open/);
    const state = await stateOf(invoice.id);
    expect(state.invoice.paidMinor).toBe(3000);
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toHaveLength(1);
  });
});

describe("recordPayment with a Stripe PaymentIntent", () => {
  it("records a PaymentIntent once, however often it is reported", async () => {
    const { dojo, invoice } = await openInvoice();
    const db = await getDb();
    const first = await db.transaction((tx) => recordPayment(tx, card(dojo.id, invoice.id)));
    const again = await db.transaction((tx) => recordPayment(tx, card(dojo.id, invoice.id)));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, payment: { id: first.payment.id } });
    const state = await stateOf(invoice.id);
    expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    expect(state.payments).toHaveLength(1);
    expect(state.payments[0]).toMatchObject({ method: "card", stripePaymentIntentId: `pi_${invoice.id.slice(0, 8)}`, stripeChargeId: `ch_${invoice.id.slice(0, 8)}` });
    expect(state.entries).toHaveLength(1);
  });

  it("records a PaymentIntent once when the browser and the webhook report it at the same time", async () => {
    const { dojo, invoice } = await openInvoice();
    const db = await getDb();
    const results = await Promise.all(Array.from({ length: 5 }, () => db.transaction((tx) => recordPayment(tx, card(dojo.id, invoice.id, { amountMinor: 2000, stripePaymentIntentId: "pi_concurrent" })))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    const state = await stateOf(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 2000 });
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toHaveLength(1);
  });

  it("refuses a PaymentIntent already recorded for another invoice", async () => {
    const { dojo, invoice, member } = await openInvoice();
    const second = await createTestInvoice(dojo, member.id, { issue: true });
    const db = await getDb();
    await db.transaction((tx) => recordPayment(tx, card(dojo.id, invoice.id, { stripePaymentIntentId: "pi_shared" })));
    await expect(wordsOf(db.transaction((tx) => recordPayment(tx, card(dojo.id, second.id, { stripePaymentIntentId: "pi_shared" }))))).resolves.toMatch(/another invoice/);
    expect((await stateOf(second.id)).payments).toHaveLength(0);
  });

  it("refuses another currency and another dojo's invoice", async () => {
    const { dojo, invoice } = await openInvoice();
    const other = await openInvoice();
    const db = await getDb();
    const otherCurrency = await db.transaction((tx) => recordPayment(tx, card(dojo.id, invoice.id, { currency: "USD" }))).then(() => null, (error: unknown) => error);
    expect(otherCurrency).toMatchObject({ code: "INVALID_AMOUNT", details: { reason: "other_currency" } });
    expect(presentError(otherCurrency as AppError).error).toMatch(/in EUR, not USD/);
    await expect(wordsOf(db.transaction((tx) => recordPayment(tx, card(dojo.id, other.invoice.id))))).resolves.toMatch("Invoice was not found.");
    expect((await stateOf(invoice.id)).payments).toHaveLength(0);
    expect((await stateOf(other.invoice.id)).payments).toHaveLength(0);
  });
});
