import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { dojoProfiles, dojos, invoices } from "@/db/schema";
import { saveDojoProfileAction } from "@/app/(staff)/settings/profile/actions";
import { createInvoiceAction, recordPaymentAction } from "@/app/(staff)/invoices/actions";
import { refundCardPaymentAction } from "@/app/(staff)/invoices/[id]/refund-actions";
import { GET as staffPdf } from "@/app/(staff)/invoices/[id]/pdf/route";
import { GET as memberPdf } from "@/app/portal/(member)/invoices/[id]/pdf/route";
import PrintInvoicePage from "@/app/(print)/invoices/[id]/print/page";
import { isValidIban } from "@/lib/dojos/profile-schema";
import { dojoWithStripe, inboxFor, openInvoiceFor, paidCardInvoice } from "../support/card-payment";
import { actAs, createMember, createStaff, signedInDojo, signInAsMember, signInAsStaff } from "../support/factories";
import { createTestInvoice, invoiceValues } from "../support/invoice-factory";
import { html } from "../support/next";
import { pdfText } from "../support/pdf-text";

// A 1×1 PNG and the first bytes of a GIF: what a logo upload may and may not be.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const GIF = Buffer.from("R0lGODlhAQABAAAAACw=", "base64");

const PROFILE = {
  name: "Kaizen Dojo",
  legalName: "Kaizen Dojo GmbH",
  address: "Hauptstraße 1\n10115 Berlin",
  email: "billing@kaizen.example",
  phone: "+49 30 1234567",
  vatNumber: "DE123456789",
  companyNumber: "HRB 98765",
  bankAccountHolder: "Kaizen Dojo GmbH",
  iban: "de89 3704 0044 0532 0130 00",
  bic: "cobadeffxxx",
  invoiceFooter: "Managing director: Aiko Tanaka · Amtsgericht Berlin HRB 98765",
};

function form(values: Record<string, string>, logo?: { bytes: Buffer; name: string; type: string }) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  if (logo) data.set("logo", new File([new Uint8Array(logo.bytes)], logo.name, { type: logo.type }));
  return data;
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (path: string) => new Request(`http://localhost${path}`);

async function pdfOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return pdfText(new Uint8Array(await response.arrayBuffer()));
}

describe("dojo profile", () => {
  it("the owner saves name, seller details, bank details and a logo; IBAN and BIC are stored normalised", async () => {
    const { dojo } = await signedInDojo();
    const result = await saveDojoProfileAction(form(PROFILE, { bytes: PNG, name: "logo.png", type: "image/png" }));
    expect(result).toEqual({ ok: true, data: { saved: true } });
    const db = await getDb();
    const [profile] = await db.select().from(dojoProfiles).where(eq(dojoProfiles.dojoId, dojo.id));
    expect(profile).toMatchObject({ legalName: "Kaizen Dojo GmbH", iban: "DE89370400440532013000", bic: "COBADEFFXXX", logoType: "image/png", vatNumber: "DE123456789" });
    expect(Buffer.from(profile.logo!)).toEqual(PNG);
    expect((await db.select({ name: dojos.name }).from(dojos).where(eq(dojos.id, dojo.id)))[0].name).toBe("Kaizen Dojo");

    // Saving again without a file keeps the logo; "remove" drops it.
    expect(await saveDojoProfileAction(form({ ...PROFILE, phone: "" }))).toMatchObject({ ok: true });
    const [kept] = await db.select().from(dojoProfiles).where(eq(dojoProfiles.dojoId, dojo.id));
    expect(kept).toMatchObject({ phone: null, logoType: "image/png" });
    expect(await saveDojoProfileAction(form({ ...PROFILE, removeLogo: "on" }))).toMatchObject({ ok: true });
    const [removed] = await db.select().from(dojoProfiles).where(eq(dojoProfiles.dojoId, dojo.id));
    expect(removed).toMatchObject({ logo: null, logoType: null });
  });

  it("refuses a wrong IBAN, BIC, e-mail, an empty name, a GIF or an oversized logo, next to the field, and saves nothing", async () => {
    const { dojo } = await signedInDojo();
    const bad = await saveDojoProfileAction(form({ ...PROFILE, name: " ", iban: "DE89 3704 0044 0532 0130 01", bic: "COBA", email: "not-an-address", vatNumber: "DE<script>" }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["bic", "email", "iban", "name", "vatNumber"]);
    expect(bad.fieldErrors?.iban?.[0]).toContain("valid IBAN");
    const gif = await saveDojoProfileAction(form(PROFILE, { bytes: GIF, name: "logo.png", type: "image/png" }));
    expect(gif).toMatchObject({ ok: false, fieldErrors: { logo: ["Use a PNG or JPEG logo."] } });
    const big = Buffer.concat([PNG, Buffer.alloc(600 * 1024)]);
    const tooBig = await saveDojoProfileAction(form(PROFILE, { bytes: big, name: "logo.png", type: "image/png" }));
    expect(tooBig).toMatchObject({ ok: false, fieldErrors: { logo: [expect.stringContaining("larger than 512 KB")] } });
    expect(await (await getDb()).select().from(dojoProfiles).where(eq(dojoProfiles.dojoId, dojo.id))).toEqual([]);
  });

  it("is the owner's: managers and staff are refused inside the action", async () => {
    const { dojo } = await signedInDojo();
    for (const role of ["manager", "staff"] as const) {
      signInAsStaff(await createStaff(dojo.id, role));
      expect(await saveDojoProfileAction(form(PROFILE))).toEqual({ ok: false, error: "Your role does not allow this." });
    }
    actAs(null);
    expect(await saveDojoProfileAction(form(PROFILE))).toMatchObject({ ok: false, error: expect.stringContaining("session has ended") });
    expect(await (await getDb()).select().from(dojoProfiles).where(eq(dojoProfiles.dojoId, dojo.id))).toEqual([]);
  });

  it("checks IBANs by their check digits", () => {
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("GB82WEST12345698765432")).toBe(true);
    expect(isValidIban("DE89370400440532013001")).toBe(false);
    expect(isValidIban("12345")).toBe(false);
  });
});

describe("the invoice as a document", () => {
  it("PDF and print show the seller block, buyer, lines, every payment and refund, and the open amount", async () => {
    const { dojo, signInOwner } = await dojoWithStripe();
    expect(await saveDojoProfileAction(form(PROFILE, { bytes: PNG, name: "logo.png", type: "image/png" }))).toMatchObject({ ok: true });
    // Paid by card in full, then 10.00 refunded.
    const { invoice: paid, payment, member } = await paidCardInvoice(dojo);
    expect(await refundCardPaymentAction({ paymentId: payment.id, amount: "10.00", reason: "Missed a week", nonce: randomUUID() })).toMatchObject({ ok: true });
    signInOwner();
    const text = await pdfOf(await staffPdf(request(`/invoices/${paid.id}/pdf`), params(paid.id)));
    for (const part of ["Kaizen Dojo GmbH", "Hauptstraße 1", "10115 Berlin", "VAT number: DE123456789", "Company number: HRB 98765", "IBAN: DE89 3704 0044 0532 0130 00", "BIC: COBADEFFXXX", "Managing director: Aiko Tanaka"]) {
      expect(text, part).toContain(part);
    }
    expect(text).toContain(`Invoice ${paid.number}`);
    expect(text).toContain(`${member.firstName} ${member.lastName}`);
    expect(text).toContain(`Member ${member.uid}`);
    expect(text).toMatch(/Monthly training 2 €25\.00 €50\.00/);
    expect(text).toMatch(/Total €50\.00/);
    expect(text).toMatch(/Paid \d{1,2} \w{3} \d{4} · Card - ?€50\.00/);
    expect(text).toMatch(/Refunded \d{1,2} \w{3} \d{4} €10\.00/);
    expect(text).toContain("Open amount €0.00");

    // Part paid in cash: the open amount is what is left.
    const { invoice: open } = await openInvoiceFor(dojo);
    expect(await recordPaymentAction({ invoiceId: open.id, method: "cash", amount: "20.00", paidOn: "2026-03-02", reference: null })).toMatchObject({ ok: true });
    const openText = await pdfOf(await staffPdf(request(`/invoices/${open.id}/pdf`), params(open.id)));
    expect(openText).toMatch(/Paid 2 Mar 2026 · Cash - ?€20\.00/);
    expect(openText).toContain("Open amount €30.00");
    expect(openText).toContain(`Please pay €30.00 by`);

    // The printed page says the same.
    const page = (await html(PrintInvoicePage(params(paid.id)))).replaceAll("<!-- -->", "");
    for (const part of ["Kaizen Dojo GmbH", "VAT number: DE123456789", "IBAN: DE89 3704 0044 0532 0130 00", "Open amount", "Managing director", "data:image/png;base64,"]) expect(page, part).toContain(part);
    expect(page).toMatch(/Refunded \d{1,2} \w{3} \d{4}/);
  });

  it("a dojo without a profile still gets a PDF with its name", async () => {
    const { dojo } = await signedInDojo();
    const member = await createMember(dojo.id);
    const invoice = await createTestInvoice(dojo, member.id, { issue: true });
    const text = await pdfOf(await staffPdf(request(`/invoices/${invoice.id}/pdf`), params(invoice.id)));
    expect(text).toContain(dojo.name);
    expect(text).not.toContain("Bank details");
  });
});

describe("PDF downloads: only one's own", () => {
  it("staff get their dojo's invoices; another dojo's id, a signed-out request and a stranger's id are 404", async () => {
    const { dojo: a, user: ownerA } = await signedInDojo();
    const mA = await createMember(a.id);
    const invA = await createTestInvoice(a, mA.id, { issue: true });
    const draftA = await createTestInvoice(a, mA.id);
    const { dojo: b } = await signedInDojo();
    const mB = await createMember(b.id, { lastName: "Stranger-B" });
    const invB = await createTestInvoice(b, mB.id, { issue: true });

    signInAsStaff(ownerA);
    const foreign = await staffPdf(request(`/invoices/${invB.id}/pdf`), params(invB.id));
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe("Not found");
    expect((await staffPdf(request("/invoices/x/pdf"), params("not-a-uuid"))).status).toBe(404);
    expect((await staffPdf(request(`/invoices/${invA.id}/pdf`), params(invA.id))).status).toBe(200);
    // Staff may download a draft (marked DRAFT); members never see drafts.
    expect(await pdfOf(await staffPdf(request(`/invoices/${draftA.id}/pdf`), params(draftA.id)))).toContain("DRAFT");
    signInAsStaff(await createStaff(a.id, "staff"));
    expect((await staffPdf(request(`/invoices/${invA.id}/pdf`), params(invA.id))).status).toBe(200);
    actAs(null);
    expect((await staffPdf(request(`/invoices/${invA.id}/pdf`), params(invA.id))).status).toBe(404);
    // A member's session is no staff session.
    signInAsMember(mA);
    expect((await staffPdf(request(`/invoices/${invA.id}/pdf`), params(invA.id))).status).toBe(404);
  });

  it("a member gets their own issued invoices; another member's, another dojo's and drafts are 404", async () => {
    const { dojo: a } = await signedInDojo();
    const m1 = await createMember(a.id);
    const m2 = await createMember(a.id);
    const own = await createTestInvoice(a, m1.id, { issue: true });
    const ownDraft = await createTestInvoice(a, m1.id);
    const others = await createTestInvoice(a, m2.id, { issue: true });
    const { dojo: b } = await signedInDojo();
    const mB = await createMember(b.id);
    const foreign = await createTestInvoice(b, mB.id, { issue: true });

    signInAsMember(m1);
    const text = await pdfOf(await memberPdf(request(`/portal/invoices/${own.id}/pdf`), params(own.id)));
    expect(text).toContain(`Invoice ${own.number}`);
    for (const id of [others.id, foreign.id, ownDraft.id, "not-a-uuid"]) expect((await memberPdf(request(`/portal/invoices/${id}/pdf`), params(id))).status, id).toBe(404);
    actAs(null);
    expect((await memberPdf(request(`/portal/invoices/${own.id}/pdf`), params(own.id))).status).toBe(404);
  });
});

describe("the invoice mail", () => {
  it("carries the invoice PDF with the seller block", async () => {
    const { dojo } = await signedInDojo();
    expect(await saveDojoProfileAction(form(PROFILE))).toMatchObject({ ok: true });
    const member = await createMember(dojo.id, { email: `pdf-${randomUUID().slice(0, 8)}@example.test` });
    const created = await createInvoiceAction(invoiceValues(member.id, { issue: true }));
    if (!created.ok) throw new Error(created.error);
    const [invoice] = await (await getDb()).select().from(invoices).where(eq(invoices.id, created.data.id));
    const [mail] = (await inboxFor(member.email!)).filter((m) => m.subject.startsWith(`Invoice ${invoice.number}`));
    expect(mail.attachments.map((a) => [a.filename, a.content_type])).toEqual([[`invoice-${invoice.number}.pdf`, "application/pdf"]]);
    const text = await pdfText(Buffer.from(mail.attachments[0].content, "base64"));
    expect(text).toContain("Kaizen Dojo GmbH");
    expect(text).toContain("IBAN: DE89 3704 0044 0532 0130 00");
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(mail.text).toContain("attached as a PDF");
  });
});
