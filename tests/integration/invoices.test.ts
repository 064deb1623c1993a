import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoiceLines, invoices } from "@/db/schema";
import { createInvoiceAction, issueInvoiceAction, recordPaymentAction, updateInvoiceAction, voidInvoiceAction } from "@/app/(staff)/invoices/actions";
import { InvoiceLinesTable } from "@/app/(staff)/invoices/invoice-lines-table";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { createDojo, createMember, signedInDojo } from "../support/factories";
import { createTestInvoice, invoiceValues } from "../support/invoice-factory";

async function counts() {
  const db = await getDb();
  return { invoices: await db.$count(invoices), lines: await db.$count(invoiceLines) };
}

function expectFieldError(result: Awaited<ReturnType<typeof createInvoiceAction>>, field: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
}

describe("creating invoices", () => {
  it("saves a draft with totals computed on the server, ignoring any total sent", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const values = {
      ...invoiceValues(member.id, {
        lines: [
          { description: "Training", quantity: "3", unitPrice: "30" },
          { description: "Belt", quantity: 1, unitPrice: "12,50" },
        ],
        notes: "Thank you",
      }),
      totalMinor: 1,
    };
    const result = await createInvoiceAction(values);
    expect(result).toMatchObject({ ok: true, data: { number: null } });
    if (!result.ok) return;
    const detail = await getInvoice(await getDb(), dojo.id, result.data.id);
    expect(detail?.invoice).toMatchObject({ status: "draft", number: null, totalMinor: 10250, paidMinor: 0, currency: "EUR", notes: "Thank you" });
    expect(detail?.lines.map((l) => [l.description, l.quantity, l.unitPriceMinor, l.amountMinor])).toEqual([
      ["Training", 3, 3000, 9000],
      ["Belt", 1, 1250, 1250],
    ]);
  });

  it("issues at once with the year's first number", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const result = await createInvoiceAction(invoiceValues(member.id, { issue: true }));
    expect(result).toMatchObject({ ok: true, data: { number: "2026-0001" } });
    if (!result.ok) return;
    const [row] = await (await getDb()).select().from(invoices).where(eq(invoices.id, result.data.id));
    expect(row.status).toBe("open");
  });

  it("reads zero-decimal currencies as whole units", async () => {
    const { dojo } = await signedInDojo({ currency: "JPY" });
    const member = await createMember(dojo.id);
    const result = await createInvoiceAction(invoiceValues(member.id, { lines: [{ description: "Keiko", quantity: 2, unitPrice: "1500" }] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const detail = await getInvoice(await getDb(), dojo.id, result.data.id);
    expect(detail?.invoice).toMatchObject({ currency: "JPY", totalMinor: 3000 });
  });

  describe("bad input gets a field error and writes nothing", () => {
    const cases: [string, (memberId: string) => ReturnType<typeof invoiceValues>, string, string?][] = [
      ["a negative quantity", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: "-1", unitPrice: "5" }] }), "lines.0.quantity"],
      ["a fractional quantity", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: "1.5", unitPrice: "5" }] }), "lines.0.quantity"],
      ["a zero quantity", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: 0, unitPrice: "5" }] }), "lines.0.quantity"],
      ["a quantity that is not a number", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: "two", unitPrice: "5" }] }), "lines.0.quantity"],
      ["an empty description", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: 1, unitPrice: "5" }, { description: "   ", quantity: 1, unitPrice: "5" }] }), "lines.1.description"],
      ["three decimals in EUR", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: 1, unitPrice: "10.125" }] }), "lines.0.unitPrice"],
      ["decimals in JPY", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: 1, unitPrice: "1500.5" }] }), "lines.0.unitPrice", "JPY"],
      ["a negative price", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: 1, unitPrice: "-5" }] }), "lines.0.unitPrice"],
      ["a price that is not an amount", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: 1, unitPrice: "abc" }] }), "lines.0.unitPrice"],
      ["no lines", (m) => invoiceValues(m, { lines: [] }), "lines"],
      ["a zero total", (m) => invoiceValues(m, { lines: [{ description: "x", quantity: 1, unitPrice: "0" }] }), "lines"],
      ["an unknown member", () => invoiceValues("3f1c9a7e-0000-4000-8000-000000000000"), "memberId"],
      ["a member id that is not an id", () => invoiceValues("nope"), "memberId"],
      ["a due date before the issue date", (m) => invoiceValues(m, { issueDate: "2026-03-10", dueDate: "2026-03-09" }), "dueDate"],
      ["an impossible date", (m) => invoiceValues(m, { issueDate: "2026-13-40" }), "issueDate"],
    ];
    for (const [name, values, field, currency] of cases) {
      it(`${name} → ${field}`, async () => {
        const { dojo } = await signedInDojo({ currency: currency ?? "EUR" });
        const member = await createMember(dojo.id);
        const before = await counts();
        expectFieldError(await createInvoiceAction(values(member.id)), field);
        expectFieldError(await createInvoiceAction({ ...values(member.id), issue: true }), field);
        expect(await counts()).toEqual(before);
      });
    }

    it("another dojo's member → memberId", async () => {
      const other = await createDojo();
      const stranger = await createMember(other.id);
      await signedInDojo();
      const before = await counts();
      expectFieldError(await createInvoiceAction(invoiceValues(stranger.id, { issue: true })), "memberId");
      expect(await counts()).toEqual(before);
    });

    it("reports every wrong line at once, with the due date", async () => {
      const { dojo } = await signedInDojo();
      const member = await createMember(dojo.id);
      const result = await createInvoiceAction(
        invoiceValues(member.id, {
          lines: [
            { description: "", quantity: "1", unitPrice: "1" },
            { description: "ok", quantity: "-2", unitPrice: "1" },
          ],
          issueDate: "2026-05-02",
          dueDate: "2026-05-01",
        }),
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(Object.keys(result.fieldErrors ?? {})).toEqual(expect.arrayContaining(["lines.0.description", "lines.1.quantity", "dueDate"]));
    });
  });
});

describe("editing, issuing and voiding", () => {
  it("edits a draft, replacing its lines, then issues it; an open invoice can no longer be edited", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const other = await createMember(dojo.id);
    const draft = await createTestInvoice(dojo, member.id);
    const edited = await updateInvoiceAction({ id: draft.id, ...invoiceValues(other.id, { lines: [{ description: "Seminar", quantity: 1, unitPrice: "80" }], dueDate: "2026-04-01" }) });
    expect(edited).toMatchObject({ ok: true, data: { number: null } });
    const detail = await getInvoice(await getDb(), dojo.id, draft.id);
    expect(detail?.invoice).toMatchObject({ memberId: other.id, totalMinor: 8000, dueDate: "2026-04-01", status: "draft" });
    expect(detail?.lines.map((l) => l.description)).toEqual(["Seminar"]);

    expect(await issueInvoiceAction({ id: draft.id })).toMatchObject({ ok: true, data: { number: "2026-0001" } });
    expect(await issueInvoiceAction({ id: draft.id })).toMatchObject({ ok: false });
    const late = await updateInvoiceAction({ id: draft.id, ...invoiceValues(other.id) });
    expect(late).toMatchObject({ ok: false, error: expect.stringContaining("Only a draft") });
    expect((await getInvoice(await getDb(), dojo.id, draft.id))?.invoice.totalMinor).toBe(8000);
  });

  it("a bad edit leaves the draft as it was", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const draft = await createTestInvoice(dojo, member.id);
    const result = await updateInvoiceAction({ id: draft.id, ...invoiceValues(member.id, { lines: [{ description: "x", quantity: 1, unitPrice: "1.001" }] }) });
    expectFieldError(result, "lines.0.unitPrice");
    const detail = await getInvoice(await getDb(), dojo.id, draft.id);
    expect(detail?.invoice.totalMinor).toBe(5000);
    expect(detail?.lines).toHaveLength(1);
  });

  it("voiding needs a reason and keeps the number", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const invoice = await createTestInvoice(dojo, member.id, { issue: true });
    const noReason = await voidInvoiceAction({ id: invoice.id, reason: "  " });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect((await getInvoice(await getDb(), dojo.id, invoice.id))?.invoice.status).toBe("open");

    expect(await voidInvoiceAction({ id: invoice.id, reason: "Duplicate" })).toMatchObject({ ok: true });
    const detail = await getInvoice(await getDb(), dojo.id, invoice.id);
    expect(detail?.invoice).toMatchObject({ status: "void", voidReason: "Duplicate", number: "2026-0001" });
    expect(detail?.invoice.voidedAt).toBeInstanceOf(Date);
    expect(await voidInvoiceAction({ id: invoice.id, reason: "Again" })).toMatchObject({ ok: false });
  });

  it("voids a draft but never a paid or partly paid invoice", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const draft = await createTestInvoice(dojo, member.id);
    expect(await voidInvoiceAction({ id: draft.id, reason: "Not needed" })).toMatchObject({ ok: true });

    const partly = await createTestInvoice(dojo, member.id, { issue: true });
    expect(await recordPaymentAction({ invoiceId: partly.id, method: "cash", amount: "10", paidOn: "2026-03-02" })).toMatchObject({ ok: true });
    expect(await voidInvoiceAction({ id: partly.id, reason: "Oops" })).toMatchObject({ ok: false, error: expect.stringContaining("refund") });

    const paid = await createTestInvoice(dojo, member.id, { issue: true });
    expect(await recordPaymentAction({ invoiceId: paid.id, method: "cash", amount: "50", paidOn: "2026-03-02" })).toMatchObject({ ok: true, data: { status: "paid" } });
    expect(await voidInvoiceAction({ id: paid.id, reason: "Oops" })).toMatchObject({ ok: false, error: expect.stringContaining("refund") });
    expect((await getInvoice(await getDb(), dojo.id, paid.id))?.invoice.status).toBe("paid");
  });
});

describe("text from users", () => {
  it("keeps <script> in a description as text", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const invoice = await createTestInvoice(dojo, member.id, { lines: [{ description: evil, quantity: 1, unitPrice: "5" }] });
    const detail = await getInvoice(await getDb(), dojo.id, invoice.id);
    expect(detail?.lines[0].description).toBe(evil);
    const html = renderToStaticMarkup(createElement(InvoiceLinesTable, { lines: detail!.lines, currency: "EUR", totalMinor: detail!.invoice.totalMinor, paidMinor: 0, locale: "en" }));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
});
