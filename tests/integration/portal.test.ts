import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { getDb } from "@/db/client";
import { invoiceLines, invoices, payments, type InvoiceStatus } from "@/db/schema";
import { getMemberInvoice, listMemberInvoices, memberInvoiceTotals } from "@/lib/portal/invoices";
import PortalHomePage from "@/app/portal/(member)/page";
import PortalInvoicePage from "@/app/portal/(member)/invoices/[id]/page";
import { logInMember } from "@/app/portal/(public)/login/actions";
import { actAs, createDojo, createMember, signedInDojo, signInAsMember, TEST_PASSWORD } from "../support/factories";
import { digestOf, html as pageHtml } from "../support/next";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
vi.mock("next/navigation", async (original) => (await import("../support/next")).navigationOutsideNext(original));
// The login takes its language from the browser's Accept-Language (none here: English).
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let seq = 0;
async function addInvoice(dojoId: string, memberId: string, status: InvoiceStatus, totalMinor: number, paidMinor = 0) {
  const db = await getDb();
  seq++;
  const [invoice] = await db
    .insert(invoices)
    .values({
      dojoId,
      memberId,
      status,
      number: status === "draft" ? null : `2026-${String(seq).padStart(4, "0")}`,
      currency: "EUR",
      totalMinor,
      paidMinor,
      issueDate: "2026-02-01",
      dueDate: "2026-02-15",
      paidAt: status === "paid" ? new Date("2026-02-10T12:00:00Z") : null,
    })
    .returning();
  await db.insert(invoiceLines).values({ dojoId, invoiceId: invoice.id, position: 1, description: `Lessons ${seq}`, quantity: 1, unitPriceMinor: totalMinor, amountMinor: totalMinor });
  if (paidMinor) await db.insert(payments).values({ dojoId, invoiceId: invoice.id, method: "cash", amountMinor: paidMinor, currency: "EUR", paidAt: new Date("2026-02-10T12:00:00Z") });
  return invoice;
}

async function scene() {
  const dojo = await createDojo();
  const me = await createMember(dojo.id, { firstName: "Yuki" });
  const other = await createMember(dojo.id);
  const open = await addInvoice(dojo.id, me.id, "open", 5000, 2000);
  const paid = await addInvoice(dojo.id, me.id, "paid", 3000, 3000);
  const draft = await addInvoice(dojo.id, me.id, "draft", 9900);
  const voided = await addInvoice(dojo.id, me.id, "void", 7700);
  const othersInvoice = await addInvoice(dojo.id, other.id, "open", 4400);
  const otherDojo = await createDojo();
  const stranger = await createMember(otherDojo.id);
  const strangersInvoice = await addInvoice(otherDojo.id, stranger.id, "open", 1200);
  return { dojo, me, other, open, paid, draft, voided, othersInvoice, strangersInvoice };
}

describe("members area", () => {
  it("shows the member what was refunded on a paid invoice", async () => {
    const s = await scene();
    const db = await getDb();
    await db.update(invoices).set({ refundedMinor: 1500 }).where(eq(invoices.id, s.paid.id));
    signInAsMember(s.me);
    const html = await pageHtml(PortalInvoicePage({ params: Promise.resolve({ id: s.paid.id }) }));
    expect(html).toContain("Refunded to you");
    expect(html).toContain("€15.00");
    const untouched = await pageHtml(PortalInvoicePage({ params: Promise.resolve({ id: s.open.id }) }));
    expect(untouched).not.toContain("Refunded to you");
  });

  it("lists only the member's own open and paid invoices with totals", async () => {
    const db = await getDb();
    const s = await scene();
    const scope = { dojoId: s.dojo.id, memberId: s.me.id };
    const list = await listMemberInvoices(db, scope);
    expect(list.map((i) => i.id).sort()).toEqual([s.open.id, s.paid.id].sort());
    expect(await memberInvoiceTotals(db, scope)).toEqual(new Map([["EUR", { openMinor: 3000, paidMinor: 5000 }]]));

    signInAsMember(s.me);
    const html = renderToStaticMarkup(await PortalHomePage());
    expect(html).toContain(`Invoice </span>${s.open.number}`);
    expect(html).toContain(`Invoice </span>${s.paid.number}`);
    for (const hidden of [s.voided.number, s.othersInvoice.number, s.strangersInvoice.number]) expect(html).not.toContain(hidden);
    expect(html).toContain("€30.00"); // to pay
    expect(html).toContain("€50.00"); // paid, part payments included
    expect(html).toContain(s.me.uid);
    // A member id paired with another dojo finds nothing.
    expect(await listMemberInvoices(db, { dojoId: s.strangersInvoice.dojoId, memberId: s.me.id })).toEqual([]);
  });

  it("shows an own invoice and 'not found' for drafts, void, another member's and another dojo's", async () => {
    const db = await getDb();
    const s = await scene();
    const scope = { dojoId: s.dojo.id, memberId: s.me.id };
    expect(await getMemberInvoice(db, scope, s.open.id)).toMatchObject({ id: s.open.id, openMinor: 3000, lines: [{ amountMinor: 5000 }], payments: [{ amountMinor: 2000 }] });
    for (const id of [s.draft.id, s.voided.id, s.othersInvoice.id, s.strangersInvoice.id, "not-a-uuid"]) {
      expect(await getMemberInvoice(db, scope, id)).toBeNull();
    }

    signInAsMember(s.me);
    await expect(PortalInvoicePage({ params: Promise.resolve({ id: s.open.id }) })).resolves.toBeTruthy();
    for (const id of [s.draft.id, s.othersInvoice.id, s.strangersInvoice.id]) {
      await expect(PortalInvoicePage({ params: Promise.resolve({ id }) })).rejects.toSatisfy((e) => digestOf(e).includes("404"));
    }
  });

  it("sends a visitor without a member session to the members' login, staff included", async () => {
    const s = await scene();
    actAs(null);
    await expect(PortalHomePage()).rejects.toSatisfy((e) => digestOf(e).includes("/portal/login"));
    await expect(PortalInvoicePage({ params: Promise.resolve({ id: s.open.id }) })).rejects.toSatisfy((e) => digestOf(e).includes("/portal/login"));
    await signedInDojo();
    await expect(PortalHomePage()).rejects.toSatisfy((e) => digestOf(e).includes("/portal/login"));
  });

  it("logs a member in with UID and password, and refuses a wrong one", async () => {
    const dojo = await createDojo();
    const member = await createMember(dojo.id);
    actAs(null);
    expect(await logInMember({ uid: member.uid, password: "wrong password" })).toEqual({ ok: false, error: "Wrong UID or password." });
    expect(await logInMember({ uid: "", password: "" })).toMatchObject({ ok: false, fieldErrors: { uid: [expect.any(String)], password: [expect.any(String)] } });
    expect(await logInMember({ uid: ` ${member.uid.toLowerCase()} `, password: TEST_PASSWORD })).toEqual({ ok: true, data: { redirectTo: "/portal" } });
    await expect(PortalHomePage()).resolves.toBeTruthy();
  });

  it("tells a member how long to wait after too many wrong passwords", { timeout: 180_000 }, async () => {
    const dojo = await createDojo();
    const member = await createMember(dojo.id);
    actAs(null);
    // Ten real argon2 checks: slow by design.
    for (let i = 0; i < 10; i++) expect(await logInMember({ uid: member.uid, password: `guess ${i}` })).toMatchObject({ ok: false, error: "Wrong UID or password." });
    expect(await logInMember({ uid: member.uid, password: TEST_PASSWORD })).toEqual({ ok: false, error: "Too many failed attempts. Try again in 15 minutes." });
  });
});
