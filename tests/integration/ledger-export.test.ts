import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { ledgerEntries, type NewLedgerEntry } from "@/db/schema";
import { GET } from "@/app/(staff)/ledger/export/route";
import { appendLedgerEntry } from "@/lib/ledger/append";
import { csvCell, csvRow } from "@/lib/ledger/csv";
import { actAs, createDojo, signedInDojo } from "../support/factories";

const exportUrl = (query = "") => `http://localhost:3000/ledger/export${query}`;
const download = (query = "") => GET(new Request(exportUrl(query)));
const BOM = "\uFEFF";

function entry(dojoId: string, e: Partial<NewLedgerEntry> = {}): Omit<NewLedgerEntry, "id" | "createdAt"> {
  return { dojoId, date: "2026-02-01", kind: "revenue", category: "Fees", description: "Monthly fee", amountMinor: 4_500, currency: "EUR", ...e };
}

describe("CSV cells", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", `"'=HYPERLINK(""http://evil"")"`],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tTAB=1", "'\tTAB=1"],
    ["=1,2", `"'=1,2"`],
    ["say \"hi\"", `"say ""hi"""`],
    ["a, b", `"a, b"`],
    ["line 1\nline 2", `"line 1\nline 2"`],
    ["crlf\r\nend", `"crlf\r\nend"`],
    ["plain text", "plain text"],
    ["Ünïcødé €", "Ünïcødé €"],
    ["-12.50", "-12.50"],
    ["", ""],
  ])("writes %j as %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes empty cells for null and a CRLF after each row", () => {
    expect(csvRow(["a", null, undefined, 3])).toBe("a,,,3\r\n");
  });
});

describe("the ledger CSV export", () => {
  it("streams the filtered entries as CSV with a proper filename and decimal amounts", async () => {
    const { dojo } = await signedInDojo({ currency: "EUR" });
    const db = await getDb();
    const fee = await appendLedgerEntry(db, entry(dojo.id, { date: "2026-02-01", amountMinor: 4_500, description: "Monthly fee" }));
    const rent = await appendLedgerEntry(db, entry(dojo.id, { date: "2026-02-03", kind: "cost", category: "Rent", description: "Hall, February", amountMinor: 80_005 }));
    const refund = await appendLedgerEntry(db, entry(dojo.id, { date: "2026-02-04", amountMinor: -4_500, description: "=cmd|' /C calc'!A0", correctsEntryId: fee.id }));
    await appendLedgerEntry(db, entry(dojo.id, { date: "2026-03-01", description: "Outside the range" }));

    const response = await download("?period=custom&from=2026-02-01&to=2026-02-28");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="ledger-${dojo.slug}-2026-02-01-to-2026-02-28.csv"`);
    // Read with the byte-order mark kept (Response.text() drops it): Excel needs it for UTF-8.
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(body.split("\r\n")).toEqual([
      `${BOM}Date,Kind,Category,Description,Amount,Currency,Invoice,Entry ID,Corrects entry ID`,
      `2026-02-01,Revenue,Fees,Monthly fee,45.00,EUR,,${fee.id},`,
      `2026-02-03,Cost,Rent,"Hall, February",800.05,EUR,,${rent.id},`,
      `2026-02-04,Revenue,Fees,'=cmd|' /C calc'!A0,-45.00,EUR,,${refund.id},${fee.id}`,
      "",
    ]);

    const costs = await (await download("?period=custom&from=2026-02-01&to=2026-02-28&kind=cost")).text();
    expect(costs).toContain(rent.id);
    expect(costs).not.toContain(fee.id);
  });

  it("exports at most the capped five years, as the page shows them", async () => {
    const { dojo } = await signedInDojo();
    const db = await getDb();
    const inside = await appendLedgerEntry(db, entry(dojo.id, { date: "2021-12-31", description: "Inside" }));
    const outside = await appendLedgerEntry(db, entry(dojo.id, { date: "2022-01-01", description: "Past the cap" }));
    const response = await download("?period=custom&from=2017-01-01&to=9999-12-31");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="ledger-${dojo.slug}-2017-01-01-to-2021-12-31.csv"`);
    const body = await response.text();
    expect(body).toContain(inside.id);
    expect(body).not.toContain(outside.id);
  });

  it("writes zero-decimal currencies without decimals", async () => {
    const { dojo } = await signedInDojo({ currency: "JPY" });
    await appendLedgerEntry(await getDb(), entry(dojo.id, { currency: "JPY", amountMinor: 15_000 }));
    const body = await (await download("?period=custom")).text();
    expect(body).toContain(",15000,JPY,");
  });

  it("reads a large ledger in batches, every entry once and in date order", async () => {
    const { dojo } = await signedInDojo();
    const db = await getDb();
    const rows = Array.from({ length: 1_203 }, (_, i) => entry(dojo.id, { date: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`, amountMinor: i + 1 }));
    await db.insert(ledgerEntries).values(rows);
    const lines = (await (await download("?period=last-year")).text()).trimEnd().split("\r\n").slice(1);
    expect(lines).toHaveLength(1_203);
    const ids = lines.map((l) => l.split(",")[7]);
    expect(new Set(ids).size).toBe(1_203);
    const dates = lines.map((l) => l.split(",")[0]);
    expect(dates).toEqual([...dates].sort());
  }, 60_000);

  it("never includes another dojo's entries", async () => {
    const { dojo: a } = await signedInDojo();
    const b = await createDojo();
    const db = await getDb();
    await appendLedgerEntry(db, entry(a.id, { description: "Ours" }));
    const theirs = await appendLedgerEntry(db, entry(b.id, { description: "Dojo B secret" }));
    const body = await (await download("?period=custom")).text();
    expect(body).toContain("Ours");
    expect(body).not.toContain("Dojo B secret");
    expect(body).not.toContain(theirs.id);
  });

  it("answers 401 when signed out and 404 to the staff role", async () => {
    const { dojo } = await signedInDojo({ role: "staff" });
    await appendLedgerEntry(await getDb(), entry(dojo.id, { description: "Hidden from staff" }));
    const refused = await download("?period=custom");
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("Hidden from staff");
    actAs(null);
    expect((await download()).status).toBe(401);
  });
});
