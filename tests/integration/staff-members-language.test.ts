import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { staffUsers } from "@/db/schema";
import AuthLayout from "@/app/(auth)/layout";
import LoginPage from "@/app/(auth)/login/page";
import SignupPage from "@/app/(auth)/signup/page";
import MembersPage from "@/app/(staff)/members/page";
import MemberPage from "@/app/(staff)/members/[id]/page";
import { previewMemberImportAction } from "@/app/(staff)/members/import/actions";
import { actAs, createMember, signedInDojo } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";
import { html } from "../support/next";
import { staffHtml } from "../support/staff-html";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
vi.mock("next/navigation", async (original) => (await import("../support/next")).navigationOutsideNext(original));
// The browser's languages, for the pages nobody is signed in on.
const browser = vi.hoisted(() => ({ acceptLanguage: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "accept-language": browser.acceptLanguage }) }));

/** A dojo whose owner reads the dashboard in `language`, with one member owing €1,234.50 since an invoice. */
async function dojoWithMember(language: "en" | "nl") {
  const { dojo, user } = await signedInDojo();
  await (await getDb()).update(staffUsers).set({ language }).where(eq(staffUsers.id, user.id));
  const member = await createMember(dojo.id, { firstName: "Sanne", lastName: "de Vries", birthDate: "1990-04-01" });
  await createTestInvoice(dojo, member.id, { issue: true, lines: [{ description: "Contributie", quantity: "1", unitPrice: "1234.50" }] });
  return { member };
}

const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const noQuery = { searchParams: Promise.resolve({}) };
// The markup as text: React writes "<!-- -->" between neighbouring text parts.
const text = (markup: string) => markup.replaceAll("<!-- -->", "");

describe("the members area of the staff dashboard in Dutch", () => {
  it("lists the members in Dutch for a Dutch staff member", async () => {
    await dojoWithMember("nl");
    const page = text(await staffHtml(MembersPage(noQuery), "members"));
    for (const words of ["Leden", "1 actief lid", "Lid toevoegen", "Gezinnen", "CSV exporteren", "Naam, e-mail of UID", "Alle leden", "Actief"]) expect(page, words).toContain(words);
    expect(page).not.toContain("Add member");
  });

  it("shows a member's page in Dutch, with Dutch dates and money", async () => {
    const { member } = await dojoWithMember("nl");
    const page = text(await staffHtml(MemberPage(withId(member.id)), "member"));
    for (const words of ["Lid sinds", "Geboortedatum", "UID van het lid", "Facturen", "Nieuwe factuur", "Vervaldatum", "Gegevens", "Wijzigingen opslaan", "Niet in een gezin.", "Deactiveren"]) expect(page, words).toContain(words);
    expect(page).toContain("1 apr 1990");
    expect(page).toMatch(/€\s1\.234,50 openstaand/);
    expect(page).not.toContain("Member since");
  });

  it("keeps the English pages as they were for everyone else", async () => {
    const { member } = await dojoWithMember("en");
    const list = text(await staffHtml(MembersPage(noQuery), "members"));
    expect(list).toContain("1 active member");
    expect(list).toContain("Add member");
    const page = text(await staffHtml(MemberPage(withId(member.id)), "member"));
    expect(page).toContain("€1,234.50 open");
    expect(page).toContain("1 Apr 1990");
    expect(page).toContain("Member since");
  });
});

describe("the staff login and sign-up pages", () => {
  const render = async (page: Promise<React.ReactElement> | React.ReactElement) => text(await html(AuthLayout({ children: await page })));

  it("speak Dutch to a browser that asks for Dutch first", async () => {
    actAs(null);
    browser.acceptLanguage = "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7";
    const login = await render(LoginPage(noQuery));
    for (const words of ["Inloggen voor medewerkers", "ledenomgeving", "Wachtwoord", "Inloggen", "Meld uw dojo aan"]) expect(login, words).toContain(words);
    expect(login).not.toContain("Staff log in");
    expect(await render(SignupPage())).toContain("Naam van de dojo");
  });

  it("stay English for any other browser", async () => {
    actAs(null);
    for (const acceptLanguage of ["en-GB,en;q=0.9,nl;q=0.8", "fr-FR,fr;q=0.9", ""]) {
      browser.acceptLanguage = acceptLanguage;
      const login = await render(LoginPage(noQuery));
      expect(login, acceptLanguage).toContain("Staff log in");
      expect(login, acceptLanguage).toContain("Sign up your dojo");
    }
  });

  it("tells a Dutch staff member what is wrong with an import file's rows in Dutch; the file's column names stay as they are", async () => {
    await dojoWithMember("nl");
    const csv = "First name,Last name,E-mail,Birth date,UID,Status\nAiko,Tanaka,aiko@example.test,23-04-1990,NOTAUID9,maybe\nKen,,aiko@example.test,,,\n";
    const preview = await previewMemberImportAction({ csv });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.errors).toEqual([
      {
        row: 2,
        messages: [
          "Birth date: “23-04-1990” is geen datum in de vorm JJJJ-MM-DD (bijv. 1990-04-23)",
          "UID: “NOTAUID9” is geen Tatami-UID (7 letters en cijfers); laat het leeg om het lid een nieuwe te geven",
          "Status: “maybe” moet active of inactive zijn (leeg betekent active)",
        ],
      },
      { row: 3, messages: ["Last name: Verplicht"] },
    ]);
  });
});
