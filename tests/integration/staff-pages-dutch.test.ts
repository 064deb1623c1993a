import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { dojoProfiles, staffUsers } from "@/db/schema";
import InvoicesPage from "@/app/(staff)/invoices/page";
import InvoicePage from "@/app/(staff)/invoices/[id]/page";
import PrintInvoicePage, { generateMetadata as printMetadata } from "@/app/(print)/invoices/[id]/print/page";
import { GET as staffPdf } from "@/app/(staff)/invoices/[id]/pdf/route";
import { recordPaymentAction } from "@/app/(staff)/invoices/actions";
import LedgerPage from "@/app/(staff)/ledger/page";
import DashboardPage from "@/app/(staff)/dashboard/page";
import CampaignsPage from "@/app/(staff)/campaigns/page";
import CampaignPage from "@/app/(staff)/campaigns/[id]/page";
import NewCampaignPage from "@/app/(staff)/campaigns/new/page";
import { sendCampaignAction } from "@/app/(staff)/campaigns/actions";
import { MAIL_KINDS } from "@/lib/mail/registry";
import { STAFF_MESSAGES } from "@/lib/i18n/staff-messages";
import { appendLedgerEntry } from "@/lib/ledger/append";
import { addDays, today } from "@/lib/dates";
import { chartLabels } from "@/components/charts/revenue-cost-chart";
import { formatIn } from "@/lib/i18n/format";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { createMember, signedInDojo } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";
import { html } from "../support/next";
import { pdfText } from "../support/pdf-text";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
vi.mock("next/navigation", async (original) => (await import("../support/next")).navigationOutsideNext(original));

const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const withQuery = (query: Record<string, string>) => ({ searchParams: Promise.resolve(query) });
// React separates adjacent text with comments; Intl puts (narrow) no-break spaces in money and dates.
const text = (markup: string) => markup.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replace(/[\u00a0\u202f]/g, " ");

/** A dojo whose owner reads the dashboard in Dutch, with a member and an issued invoice of €1,234.50 due 15 March 2026. */
async function dutchDojo(memberLanguage: string | null = null) {
  const { dojo, user } = await signedInDojo();
  const db = await getDb();
  await db.update(staffUsers).set({ language: "nl" }).where(eq(staffUsers.id, user.id));
  const member = await createMember(dojo.id, { firstName: "Sanne", lastName: "de Vries", language: memberLanguage });
  const invoice = await createTestInvoice(dojo, member.id, { issue: true, lines: [{ description: "Jaarcontributie", quantity: "1", unitPrice: "1234.50" }] });
  return { dojo, user, member, invoice };
}

describe("the invoices in Dutch", () => {
  it("lists invoices with Dutch words, statuses, money and dates", async () => {
    const { invoice } = await dutchDojo();
    const page = text(await html(InvoicesPage(withQuery({})), "invoices"));
    for (const words of ["Facturen", "Nieuwe factuur", "Facturen exporteren", "Elke status", "Vervaldatum", "Vervallen", "Gefactureerd", "Totalen van alle 1 getoonde facturen"]) expect(page, words).toContain(words);
    expect(page).toContain(invoice.number!);
    expect(page).toContain("€ 1.234,50");
    expect(page).toContain("15 mrt 2026");
    expect(page).not.toContain("Invoices of");
    expect(page).not.toContain("€1,234.50");
  });

  it("shows an invoice with its lines, payments and buttons in Dutch", async () => {
    const { invoice } = await dutchDojo();
    expect(await recordPaymentAction({ invoiceId: invoice.id, method: "bank_transfer", amount: "234.50", paidOn: "2026-03-02", reference: "" })).toMatchObject({ ok: true });
    const page = text(await html(InvoicePage(withId(invoice.id)), "invoices"));
    for (const words of [`Factuur ${invoice.number}`, "Alle facturen", "Regels", "Omschrijving", "Prijs per stuk", "Gegevens", "Factuurdatum", "Betalingen", "Overboeking", "Betaling registreren", "Afdrukken", "nog € 1.000,00 openstaand"]) expect(page, words).toContain(words);
    expect(page).toContain("€ 1.234,50");
    expect(page).toContain("1 mrt 2026");
    expect(page).not.toMatch(/Record payment|Details|Bank transfer/);
  });
});

describe("the printed invoice", () => {
  it("is in the member's language (French), around it the staff member's (Dutch); the PDF says the same", async () => {
    const { dojo, invoice } = await dutchDojo("fr");
    const db = await getDb();
    await db.insert(dojoProfiles).values({ dojoId: dojo.id, iban: "DE89370400440532013000", bankAccountHolder: "Kaizen Dojo", vatNumber: "FR123" });
    const page = text(await html(PrintInvoicePage(withId(invoice.id))));
    for (const words of ["Facture", "Facturé à", "Date de facture", "Date d'échéance", "Prix unitaire", "Montant restant dû", "Coordonnées bancaires", "Titulaire du compte : Kaizen Dojo", "N° de TVA : FR123"]) expect(page, words).toContain(words);
    expect(page).toContain("1 234,50 €");
    expect(page).toContain("15 mars 2026");
    expect(page).toContain(`Merci de régler <span class="font-semibold">1 234,50 €</span> au plus tard le 15 mars 2026, en indiquant la référence ${invoice.number}.`);
    // The buttons above the document are the staff member's.
    expect(page).toContain("Terug naar de factuur");
    expect(page).toContain("Afdrukken");
    expect(page).not.toMatch(/Bill to|Open amount|Due date/);
    expect(await printMetadata(withId(invoice.id))).toEqual({ title: `Facture ${invoice.number}` });

    const pdf = (await pdfText(new Uint8Array(await (await staffPdf(new Request(`http://localhost/invoices/${invoice.id}/pdf`), withId(invoice.id))).arrayBuffer()))).replace(/\u00a0/g, " ");
    for (const words of ["Facture", "FACTURÉ À", "Montant restant dû 1 234,50 €", "15 mars 2026", "Page 1 sur 1"]) expect(pdf, words).toContain(words);
  });
});

describe("Costs & revenues in Dutch", () => {
  it("shows the totals, the chart and the entries with Dutch words, money and dates", async () => {
    const { dojo } = await dutchDojo();
    const day = addDays(today(), -1);
    await appendLedgerEntry(await getDb(), { dojoId: dojo.id, currency: "EUR", date: day, kind: "cost", category: "Huur", description: "Zaalhuur", amountMinor: 123_450 });
    const page = text(await html(LedgerPage(withQuery({ period: "last-12-months" })), "ledger"));
    for (const words of ["Kosten &amp; opbrengsten", "Opbrengsten en kosten, afgelopen 12 maanden", "CSV exporteren", "Boeking toevoegen", "Resultaat", "Opbrengsten en kosten per maand", "Boekingen", "1 boeking", "Kosten", "Corrigeren…"]) expect(page, words).toContain(words);
    expect(page).toContain("€ 1.234,50");
    expect(page).toContain(new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`)));
    // The chart draws in the browser; its name is in the page, its labels are the reader's.
    expect(page).toMatch(/aria-label="Opbrengsten en kosten per maand, 1[23] maanden"/);
    expect(page).not.toMatch(/Revenue|Export CSV|entries/);
    const t = staffTranslator("nl", "staff.ledger");
    const month = chartLabels("month", "EUR", formatIn("nl"), (date) => t("chart.weekOf", { date }));
    expect([month.tick("2026-03-01"), month.tooltip("2026-03-01"), text(month.money(123_450)), text(month.axis(123_450))]).toEqual(["mrt 26", "mrt 26", "€ 1.234,50", "€ 1,2K"]);
    const week = chartLabels("week", "EUR", formatIn("nl"), (date) => t("chart.weekOf", { date }));
    expect(week.tooltip("2026-03-02")).toBe("Week van 2 mrt");
    expect([t("chart.revenue"), t("chart.costs")]).toEqual(["Opbrengsten", "Kosten"]);
  });
});

describe("the dashboard in Dutch", () => {
  it("shows the key figures and the most overdue invoices with Dutch words, money and dates", async () => {
    await dutchDojo();
    const page = text(await html(DashboardPage(), "dashboard"));
    for (const words of ["Welkom, Test", "Lid toevoegen", "Nieuwe factuur", "Actieve leden", "0 met een gepauzeerd abonnement", "Openstaande facturen", "Vervallen facturen", "€ 1.234,50 openstaand", "Opbrengsten deze maand", "Langst vervallen facturen", "vervaldatum 15 mrt 2026", "dagen te laat"]) expect(page, words).toContain(words);
    expect(page).not.toMatch(/Welcome|outstanding|days late/);
  });

  it("names every kind of mail that can fail, in both languages", () => {
    for (const { name } of MAIL_KINDS) {
      expect(STAFF_MESSAGES.en.dashboard.mailKinds, name).toHaveProperty([name]);
      expect(STAFF_MESSAGES.nl.dashboard.mailKinds, name).toHaveProperty([name]);
    }
  });
});

describe("the campaigns in Dutch", () => {
  it("lists, composes and follows a campaign with Dutch words and dates", async () => {
    const { member } = await dutchDojo();
    const compose = text(await html(NewCampaignPage(), "campaigns"));
    for (const words of ["Nieuwe campagne", "Onderwerp", "Ontvangers", "Alle actieve leden", "Een samenvoegcode invoegen", "Voornaam, bijv.", "Beste {firstname},", "Stuur mij een test"]) expect(compose, words).toContain(words);

    const sent = await sendCampaignAction({ subject: "Contributie", body: "Beste {firstname}", recipients: { kind: "picked", memberIds: [member.id] } });
    if (!sent.ok) throw new Error(sent.error);
    const list = text(await html(CampaignsPage({ searchParams: Promise.resolve({}) }), "campaigns"));
    for (const words of ["Campagnes", "Onderwerp", "Gemaakt", "In de wachtrij", "0 van 1 verstuurd"]) expect(list, words).toContain(words);
    const month = new Intl.DateTimeFormat("nl-NL", { month: "short", timeZone: "UTC" }).format(new Date());
    expect(list).toContain(` ${month} `);

    const detail = text(await html(CampaignPage({ params: Promise.resolve({ id: sent.data.id }), searchParams: Promise.resolve({}) }), "campaigns"));
    for (const words of ["Gemaakt op", "door Test Staff", "Bezig met versturen…", "Ontvangers", "Alle statussen", "Bericht", "Zoals geschreven, met samenvoegcodes."]) expect(detail, words).toContain(words);
    expect(detail).not.toMatch(/Recipients|Created|Sending…/);
  });
});
