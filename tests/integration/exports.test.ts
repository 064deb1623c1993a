import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { getDb } from "@/db/client";
import { GET as exportMembers } from "@/app/(staff)/members/export/route";
import { GET as exportInvoices } from "@/app/(staff)/invoices/export/route";
import { GET as exportPayments } from "@/app/(staff)/payments/export/route";
import { GET as exportOrders } from "@/app/(staff)/webshop/orders/export/route";
import { recordPaymentAction } from "@/app/(staff)/invoices/actions";
import { importMembers } from "@/lib/members/import/import-members";
import { placeOrder } from "@/lib/shop/place-order";
import { today } from "@/lib/dates";
import { actAs, createDojo, createMember, signedInDojo, signInAsMember } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";
import { createProduct, openShop } from "../support/shop";

const BOM = "\uFEFF";
/** The body with its byte-order mark kept (Response.text() drops it). */
const bodyOf = async (response: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
const rowsOf = (csv: string) => Papa.parse<string[]>(csv.replace(BOM, ""), { skipEmptyLines: true }).data;

describe("CSV exports", () => {
  it("members: every member of the dojo in the order they joined, across batches, each once", async () => {
    const { dojo } = await signedInDojo();
    const db = await getDb();
    // 1,203 members added within one millisecond's worth of microseconds: batches of 500 must
    // continue exactly after the last row, which a cursor made of a JavaScript Date would not.
    const csv = ["First name,Last name,E-mail", ...Array.from({ length: 1_203 }, (_, i) => `M${i},Last${i},m${i}@exp.test`)].join("\n");
    await db.transaction((tx) => importMembers(tx, dojo.id, csv));
    const response = await exportMembers();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="members-${dojo.slug}-${today()}.csv"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await bodyOf(response);
    expect(body.startsWith(`${BOM}UID,First name,Last name,E-mail,Phone,Birth date,Address,Notes,Status,Member since (UTC)\r\n`)).toBe(true);
    const rows = rowsOf(body).slice(1);
    expect(rows.map((r) => r[1])).toEqual(Array.from({ length: 1_203 }, (_, i) => `M${i}`));
  }, 120_000);

  it("members: cells are escaped and formula-looking ones guarded; other dojos' members are not there", async () => {
    const { dojo } = await signedInDojo();
    const other = { dojo: await createDojo() };
    await createMember(other.dojo.id, { firstName: "Foreign", lastName: "Member" });
    await createMember(dojo.id, { firstName: "=HYPERLINK(\"http://evil\")", lastName: "O'Brien, Jr.", phone: "+41 79 123", notes: "line 1\nline 2", email: "@evil.test" });
    const body = await bodyOf(await exportMembers());
    expect(body).not.toContain("Foreign");
    const line = body.split("\r\n").find((l) => l.includes("HYPERLINK"))!;
    expect(line).toMatch(/^[A-Z0-9]{7},"'=HYPERLINK\(""http:\/\/evil""\)","O'Brien, Jr\.",'@evil\.test,'\+41 79 123,,,"line 1\nline 2",active,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("invoices and payments: in time order, amounts in major units, only the dojo's own", async () => {
    const { dojo } = await signedInDojo({ currency: "EUR" });
    const aiko = await createMember(dojo.id, { firstName: "Aiko", lastName: "Tanaka" });
    const march = await createTestInvoice(dojo, aiko.id, { issue: true, issueDate: "2026-03-01" });
    const feb = await createTestInvoice(dojo, aiko.id, { issue: true, issueDate: "2026-02-01", dueDate: "2026-02-15" });
    const sameDayLater = await createTestInvoice(dojo, aiko.id, { issue: true, issueDate: "2026-03-01" });
    expect(await recordPaymentAction({ invoiceId: march.id, method: "cash", amount: "20.00", paidOn: "2026-03-02" })).toMatchObject({ ok: true });
    expect(await recordPaymentAction({ invoiceId: feb.id, method: "bank_transfer", amount: "50.00", paidOn: "2026-02-10", reference: "=SUM(A1)" })).toMatchObject({ ok: true });
    const other = { dojo: await createDojo() };
    const foreign = await createMember(other.dojo.id, { lastName: "Foreigner" });
    await createTestInvoice(other.dojo, foreign.id, { issue: true });

    const invoices = rowsOf(await bodyOf(await exportInvoices()));
    expect(invoices[0]).toEqual(["Number", "Issue date", "Due date", "Status", "Member", "UID", "Total", "Paid", "Refunded", "Open", "Currency", "Source", "Paid at (UTC)", "Created (UTC)", "Invoice ID"]);
    expect(invoices.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[6], r[7], r[9], r[14]])).toEqual([
      [feb.number, "2026-02-01", "Paid", "Aiko Tanaka", "50.00", "50.00", "0.00", feb.id],
      [march.number, "2026-03-01", "Overdue", "Aiko Tanaka", "50.00", "20.00", "30.00", march.id],
      [sameDayLater.number, "2026-03-01", "Overdue", "Aiko Tanaka", "50.00", "0.00", "50.00", sameDayLater.id],
    ]);

    const paymentsCsv = await bodyOf(await exportPayments());
    expect(paymentsCsv).not.toContain("Foreigner");
    const payments = rowsOf(paymentsCsv);
    expect(payments.slice(1).map((r) => [r[0].slice(0, 10), r[1], r[2], r[4], r[5], r[6], r[7]])).toEqual([
      ["2026-02-10", feb.number, "Aiko Tanaka", "Bank transfer", "50.00", "EUR", "'=SUM(A1)"],
      ["2026-03-02", march.number, "Aiko Tanaka", "Cash", "20.00", "EUR", ""],
    ]);
  });

  it("orders: in the order placed, with items, buyer and status; only the dojo's own", async () => {
    const { dojo } = await signedInDojo({ currency: "EUR" });
    const db = await getDb();
    await openShop(dojo.id, { cardPayments: false });
    const gi = await createProduct(dojo, { name: "Gi, white", priceMinor: 4_500 });
    const belt = await createProduct(dojo, { name: "Belt", priceMinor: 1_000 });
    const first = await placeOrder(db, dojo, { name: "Bea Buyer", email: "bea@example.test", phone: "+386 40 111", payment: "at_dojo", items: [{ productId: gi.id, quantity: 2 }, { productId: belt.id, quantity: 1 }] }, null, null);
    const second = await placeOrder(db, dojo, { name: "Carl Client", email: "carl@example.test", phone: "040 222", payment: "at_dojo", items: [{ productId: belt.id, quantity: 3 }] }, null, null);
    const other = { dojo: await createDojo() };
    await openShop(other.dojo.id, { cardPayments: false });
    const foreignProduct = await createProduct(other.dojo, { name: "Foreign gi" });
    await placeOrder(db, other.dojo, { name: "Foreign Buyer", email: "f@example.test", phone: "040 333", payment: "at_dojo", items: [{ productId: foreignProduct.id, quantity: 1 }] }, null, null);

    const body = await bodyOf(await exportOrders());
    expect(body).not.toContain("Foreign");
    const rows = rowsOf(body);
    expect(rows[0].slice(0, 9)).toEqual(["Order", "Placed at (UTC)", "Status", "Buyer", "E-mail", "Phone", "Payment", "Items", "Total"]);
    // Items in the order's line order, joined on one cell.
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[5], r[6], r[7].split("; ").sort(), r[8], r[10]])).toEqual([
      [String(first.number), "Pending", "Bea Buyer", "'+386 40 111", "At the dojo", ["1 × Belt", "2 × Gi, white"], "100.00", "EUR"],
      [String(second.number), "Pending", "Carl Client", "040 222", "At the dojo", ["3 × Belt"], "30.00", "EUR"],
    ]);
  });

  it("is refused without a staff session (a member’s too); every staff role may download them", async () => {
    const { dojo } = await signedInDojo({ role: "staff" });
    await createMember(dojo.id, { lastName: "Visible" });
    // The staff role has members, invoices and the shop: all four lists are theirs.
    for (const get of [exportMembers, exportInvoices, exportPayments, exportOrders]) expect((await get()).status).toBe(200);
    const member = await createMember(dojo.id);
    signInAsMember(member);
    for (const get of [exportMembers, exportInvoices, exportPayments, exportOrders]) {
      const response = await get();
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("Visible");
    }
    actAs(null);
    for (const get of [exportMembers, exportInvoices, exportPayments, exportOrders]) expect((await get()).status).toBe(401);
  });
});
