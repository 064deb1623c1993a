import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices, ledgerEntries, payments } from "@/db/schema";
import { createInvoiceAction, issueInvoiceAction, recordPaymentAction, searchMembersAction, updateInvoiceAction, voidInvoiceAction } from "@/app/(staff)/invoices/actions";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { getMemberOption } from "@/lib/invoices/member-options";
import { createDojo, createMember, signedInDojo } from "../support/factories";
import { createTestInvoice, invoiceValues } from "../support/invoice-factory";

async function dojoB() {
  const dojo = await createDojo({ name: "Dojo B" });
  const member = await createMember(dojo.id, { firstName: "Bea", lastName: "Other" });
  const draft = await createTestInvoice(dojo, member.id);
  const open = await createTestInvoice(dojo, member.id, { issue: true });
  return { dojo, member, draft, open };
}

describe("tenancy of invoices", () => {
  it("dojo A's staff get 'not found' for every invoice action on dojo B's invoices, and B's invoices stay as they were", async () => {
    const b = await dojoB();
    const a = await signedInDojo();
    const memberA = await createMember(a.dojo.id);
    const db = await getDb();
    const before = await db.select().from(invoices).where(eq(invoices.dojoId, b.dojo.id));

    for (const id of [b.draft.id, b.open.id]) {
      const results = await Promise.all([
        issueInvoiceAction({ id }),
        voidInvoiceAction({ id, reason: "Mine now" }),
        updateInvoiceAction({ id, ...invoiceValues(memberA.id) }),
        recordPaymentAction({ invoiceId: id, method: "cash", amount: "1", paidOn: "2026-03-02" }),
      ]);
      for (const result of results) expect(result).toEqual({ ok: false, error: "Invoice was not found." });
    }
    expect(await db.select().from(invoices).where(eq(invoices.dojoId, b.dojo.id))).toEqual(before);
    expect(await db.$count(payments, eq(payments.dojoId, b.dojo.id))).toBe(0);
    expect(await db.$count(ledgerEntries, eq(ledgerEntries.dojoId, b.dojo.id))).toBe(0);
  });

  it("dojo A cannot invoice dojo B's member nor find B's members in the picker", async () => {
    const b = await dojoB();
    const a = await signedInDojo();
    await createMember(a.dojo.id, { firstName: "Bea", lastName: "Mine" });
    expect(await createInvoiceAction(invoiceValues(b.member.id))).toMatchObject({ ok: false, fieldErrors: { memberId: expect.any(Array) } });
    const found = await searchMembersAction({ q: "Bea" });
    expect(found.ok && found.data.map((m) => m.name)).toEqual(["Bea Mine"]);
    expect(await getMemberOption(await getDb(), a.dojo.id, b.member.id)).toBeNull();
  });

  it("lists and reads only the dojo's own invoices", async () => {
    const b = await dojoB();
    const a = await signedInDojo();
    const memberA = await createMember(a.dojo.id, { firstName: "Anna", lastName: "Mine" });
    const mine = await createTestInvoice(a.dojo, memberA.id, { issue: true });
    const db = await getDb();

    const all = await listInvoices(db, a.dojo.id, {});
    expect(all.rows.map((r) => r.id)).toEqual([mine.id]);
    expect(all.total).toBe(1);
    // Both dojos have a 2026-0001: searching for it finds only the dojo's own.
    expect((await listInvoices(db, a.dojo.id, { q: b.open.number! })).rows.map((r) => r.id)).toEqual([mine.id]);
    for (const filters of [{ q: "Bea" }, { status: "draft" as const }, { memberId: b.member.id }]) {
      const listed = await listInvoices(db, a.dojo.id, filters);
      expect(listed.rows).toEqual([]);
      expect(listed.total).toBe(0);
    }
    expect(await getInvoice(db, a.dojo.id, b.open.id)).toBeNull();
    expect(await getInvoice(db, a.dojo.id, "not-a-uuid")).toBeNull();
    expect((await getInvoice(db, a.dojo.id, mine.id))?.invoice.id).toBe(mine.id);
  });
});
