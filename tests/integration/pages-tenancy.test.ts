import { describe, expect, it, vi } from "vitest";
import InvoicePage, { generateMetadata as invoiceMetadata } from "@/app/(staff)/invoices/[id]/page";
import EditInvoicePage from "@/app/(staff)/invoices/[id]/edit/page";
import PrintInvoicePage, { generateMetadata as printMetadata } from "@/app/(print)/invoices/[id]/print/page";
import InvoicesPage from "@/app/(staff)/invoices/page";
import NewInvoicePage from "@/app/(staff)/invoices/new/page";
import MembersPage from "@/app/(staff)/members/page";
import MemberPage from "@/app/(staff)/members/[id]/page";
import LedgerPage from "@/app/(staff)/ledger/page";
import DashboardPage from "@/app/(staff)/dashboard/page";
import { appendLedgerEntry } from "@/lib/ledger/append";
import { getDb } from "@/db/client";
import { today } from "@/lib/dates";
import { createDojo, createMember, signedInDojo } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";
import { html, isNotFound } from "../support/next";
import { staffHtml } from "../support/staff-html";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
vi.mock("next/navigation", async (original) => (await import("../support/next")).navigationOutsideNext(original));

const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const withQuery = (query: Record<string, string>) => ({ searchParams: Promise.resolve(query) });

/** Dojo B with a member, a draft, an issued invoice and a ledger entry, all named so a leak shows; dojo A's owner signed in with the same. */
async function twoDojos() {
  const bDojo = await createDojo({ name: "Dojo B" });
  const bMember = await createMember(bDojo.id, { firstName: "Bertha", lastName: "Foreign" });
  const bDraft = await createTestInvoice(bDojo, bMember.id, { lines: [{ description: "B draft line", quantity: "1", unitPrice: "10" }] });
  const bOpen = await createTestInvoice(bDojo, bMember.id, { issue: true, lines: [{ description: "B open line", quantity: "1", unitPrice: "20" }] });
  const db = await getDb();
  const bEntry = await appendLedgerEntry(db, { dojoId: bDojo.id, currency: "EUR", date: today(), kind: "cost", category: "B category", description: "B secret cost", amountMinor: 4_242 });

  const a = await signedInDojo();
  const aMember = await createMember(a.dojo.id, { firstName: "Anna", lastName: "Own" });
  const aDraft = await createTestInvoice(a.dojo, aMember.id, { lines: [{ description: "A draft line", quantity: "1", unitPrice: "10" }] });
  const aOpen = await createTestInvoice(a.dojo, aMember.id, { issue: true, lines: [{ description: "A open line", quantity: "1", unitPrice: "20" }] });
  await appendLedgerEntry(db, { dojoId: a.dojo.id, currency: "EUR", date: today(), kind: "cost", category: "Rent", description: "A own cost", amountMinor: 1_000 });
  return { b: { member: bMember, draft: bDraft, open: bOpen, entry: bEntry }, a: { member: aMember, draft: aDraft, open: aOpen } };
}

const B_TEXT = ["Bertha", "Foreign", "B draft line", "B open line", "B secret cost", "B category", "42.42"];
/** `searched` is the text typed into a search box, which the page shows back. */
const expectNothingOfB = (markup: string, searched?: string) => {
  for (const text of B_TEXT) if (text !== searched) expect(markup, text).not.toContain(text);
};

describe("pages of another dojo's records", () => {
  it("the invoice, edit and print pages are not found for dojo B's invoices, and render dojo A's own", async () => {
    const { a, b } = await twoDojos();
    for (const id of [b.draft.id, b.open.id, b.member.id, b.entry.id]) {
      await expect(InvoicePage(withId(id))).rejects.toSatisfy(isNotFound);
      await expect(EditInvoicePage(withId(id))).rejects.toSatisfy(isNotFound);
      await expect(PrintInvoicePage(withId(id))).rejects.toSatisfy(isNotFound);
      // Not even the number leaks through the page title.
      expect(JSON.stringify(await invoiceMetadata(withId(id)))).not.toContain(b.open.number!);
      expect(JSON.stringify(await printMetadata(withId(id)))).not.toContain(b.open.number!);
    }

    expect(await html(InvoicePage(withId(a.open.id)))).toContain("A open line");
    expect(await html(PrintInvoicePage(withId(a.open.id)))).toContain("A open line");
    expect(await html(EditInvoicePage(withId(a.draft.id)))).toContain("Anna Own");
  });

  it("the member page is not found for dojo B's member or any other of B's ids", async () => {
    const { a, b } = await twoDojos();
    for (const id of [b.member.id, b.open.id, b.entry.id]) await expect(MemberPage(withId(id))).rejects.toSatisfy(isNotFound);
    expect(await staffHtml(MemberPage(withId(a.member.id)))).toContain("Anna");
  });

  it("lists, filters and forms taking an id or a search never show dojo B's records", async () => {
    const { a, b } = await twoDojos();
    // A member id of B in ?member= is ignored: not named, not preselected, nothing of B listed.
    const filteredInvoices = await html(InvoicesPage(withQuery({ member: b.member.id })));
    expectNothingOfB(filteredInvoices);
    expect(filteredInvoices).toContain(a.open.number!);
    expectNothingOfB(await html(NewInvoicePage(withQuery({ member: b.member.id }))));
    expect(await html(NewInvoicePage(withQuery({ member: a.member.id })))).toContain("Anna Own");

    // Both dojos have invoice 2026-0001: searching for it lists A's alone.
    expect(b.open.number).toBe(a.open.number);
    expectNothingOfB(await html(InvoicesPage(withQuery({ q: b.open.number! }))));
    for (const q of ["Bertha", b.member.uid]) {
      const members = await staffHtml(MembersPage(withQuery({ q, status: "all" })));
      expectNothingOfB(members, q);
      expect(members).toContain("No members found");
    }

    const ledger = await html(LedgerPage(withQuery({ period: "this-year" })));
    expectNothingOfB(ledger);
    expect(ledger).toContain("A own cost");
    expectNothingOfB(await html(DashboardPage()));
  });
});
