import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { createInvoiceAction, issueInvoiceAction, voidInvoiceAction } from "@/app/(staff)/invoices/actions";
import { createMember, signedInDojo } from "../support/factories";
import { createTestInvoice, invoiceValues } from "../support/invoice-factory";

const expected = (year: number, n: number) => Array.from({ length: n }, (_, i) => `${year}-${String(i + 1).padStart(4, "0")}`);

async function numbersOf(dojoId: string) {
  const rows = await (await getDb()).select({ number: invoices.number }).from(invoices).where(and(eq(invoices.dojoId, dojoId)));
  return rows.map((r) => r.number).filter((n): n is string => n !== null).sort();
}

describe("invoice numbers", () => {
  it("stay gapless and unique when 20 drafts are issued at the same time", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push(await createTestInvoice(dojo, member.id));
    const results = await Promise.all(drafts.map((d) => issueInvoiceAction({ id: d.id })));
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = results.map((r) => (r.ok ? r.data.number : null)).sort();
    expect(numbers).toEqual(expected(2026, 20));
    expect(await numbersOf(dojo.id)).toEqual(expected(2026, 20));
  });

  it("stay gapless and unique when 20 invoices are created and issued at the same time", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => createInvoiceAction(invoiceValues(member.id, { issue: true }))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await numbersOf(dojo.id)).toEqual(expected(2026, 20));
  });

  it("are counted per dojo and per year of the issue date", async () => {
    const a = await signedInDojo();
    const memberA = await createMember(a.dojo.id);
    await createTestInvoice(a.dojo, memberA.id, { issue: true });
    await createTestInvoice(a.dojo, memberA.id, { issue: true });
    await createTestInvoice(a.dojo, memberA.id, { issue: true, issueDate: "2025-12-31", dueDate: "2026-01-14" });
    await createTestInvoice(a.dojo, memberA.id, { issue: true, issueDate: "2027-01-01", dueDate: "2027-01-14" });

    const b = await signedInDojo();
    const memberB = await createMember(b.dojo.id);
    const first = await createInvoiceAction(invoiceValues(memberB.id, { issue: true }));
    expect(first).toMatchObject({ ok: true, data: { number: "2026-0001" } });

    expect(await numbersOf(a.dojo.id)).toEqual(["2025-0001", "2026-0001", "2026-0002", "2027-0001"]);
    expect(await numbersOf(b.dojo.id)).toEqual(["2026-0001"]);
  });

  it("are given only on issuing, so drafts, voided drafts and failed issues leave no gap", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const discarded = await createTestInvoice(dojo, member.id);
    expect(await voidInvoiceAction({ id: discarded.id, reason: "Typo" })).toMatchObject({ ok: true });
    expect(await issueInvoiceAction({ id: discarded.id })).toMatchObject({ ok: false });
    const rejected = await createInvoiceAction(invoiceValues(member.id, { issue: true, dueDate: "2020-01-01" }));
    expect(rejected.ok).toBe(false);
    const draft = await createTestInvoice(dojo, member.id);
    const issued = await createTestInvoice(dojo, member.id, { issue: true });
    expect(issued.number).toBe("2026-0001");
    expect(await issueInvoiceAction({ id: draft.id })).toMatchObject({ ok: true, data: { number: "2026-0002" } });
  });
});
