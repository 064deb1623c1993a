import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { dojos, invoiceLines, invoices, members, stripeConnections } from "@/db/schema";
import PortalLayout from "@/app/portal/(member)/layout";
import PortalHomePage, { generateMetadata as homeMetadata } from "@/app/portal/(member)/page";
import PortalInvoicePage from "@/app/portal/(member)/invoices/[id]/page";
import PortalLoginPage, { generateMetadata as loginMetadata } from "@/app/portal/(public)/login/page";
import { setMyLanguageAction } from "@/app/portal/(member)/actions";
import { logInMember } from "@/app/portal/(public)/login/actions";
import { dojoWithStripe } from "../support/card-payment";
import { actAs, createDojo, createMember, signInAsMember } from "../support/factories";
import { html } from "../support/next";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
vi.mock("next/navigation", async (original) => (await import("../support/next")).navigationOutsideNext(original));
let acceptLanguage: string | null = null;
vi.mock("next/headers", () => ({ headers: async () => new Headers(acceptLanguage ? { "accept-language": acceptLanguage } : {}) }));

// Intl writes a no-break space between the euro sign and the amount in Dutch.
const NBSP = "\u00a0";

async function openInvoice(dojoId: string, memberId: string, totalMinor: number) {
  const db = await getDb();
  const [invoice] = await db
    .insert(invoices)
    .values({ dojoId, memberId, status: "open", number: `2026-${Math.floor(Math.random() * 1e6)}`, currency: "EUR", totalMinor, issueDate: "2026-03-02", dueDate: "2099-03-16" })
    .returning();
  await db.insert(invoiceLines).values({ dojoId, invoiceId: invoice.id, position: 1, description: "Judo maart", quantity: 1, unitPriceMinor: totalMinor, amountMinor: totalMinor });
  return invoice;
}

const languageOf = async (memberId: string) => (await (await getDb()).select({ language: members.language }).from(members).where(eq(members.id, memberId)))[0].language;

describe("the members area in the member's language", () => {
  it("shows a Dutch member Dutch words, money and dates, and offers iDEAL as paying online", async () => {
    const { dojo } = await dojoWithStripe();
    const db = await getDb();
    await db.update(stripeConnections).set({ paymentMethods: ["card", "ideal"] }).where(eq(stripeConnections.dojoId, dojo.id));
    const sanne = await createMember(dojo.id, { firstName: "Sanne", language: "nl" });
    const invoice = await openInvoice(dojo.id, sanne.id, 123_456);
    signInAsMember(sanne);

    expect(await homeMetadata()).toEqual({ title: "Ledenomgeving" });
    const home = await html(PortalHomePage());
    expect(home).toContain("Hallo Sanne");
    expect(home).toContain("Openstaande facturen");
    expect(home).toContain(`€${NBSP}1.234,56`);
    expect(home).toContain("Te betalen vóór 16 mrt 2099");
    expect(home).toContain("Online betalen");
    for (const english of ["Open invoices", "To pay", "Pay with credit card", "€1,234.56"]) expect(home).not.toContain(english);

    const page = await html(PortalInvoicePage({ params: Promise.resolve({ id: invoice.id }) }));
    expect(page).toContain(`Factuur ${invoice.number}</h1>`);
    expect(page).toContain(`Nog te betalen: €${NBSP}1.234,56`);
    expect(page).toContain("2 mrt 2026");
    expect(page).toContain("Online betalen");
    expect(page).not.toContain("Still to pay");

    const layout = await html(PortalLayout({ children: null }));
    expect(layout).toContain("Uitloggen");
    expect(layout).toContain('aria-label="Taal"');
  });

  it("speaks the dojo's default language to a member who chose none, and English otherwise", async () => {
    const dojo = await createDojo();
    await (await getDb()).update(dojos).set({ defaultLanguage: "fr" }).where(eq(dojos.id, dojo.id));
    const lea = await createMember(dojo.id, { firstName: "Léa" });
    await openInvoice(dojo.id, lea.id, 123_456);
    signInAsMember(lea);
    const french = await html(PortalHomePage());
    expect(french).toContain("Bonjour Léa");
    expect(french).toContain("Factures à payer");
    // French groups thousands with a narrow no-break space.
    expect(french).toMatch(/1\s234,56\s€/u);

    const english = await createMember((await createDojo()).id, { firstName: "Ann" });
    signInAsMember(english);
    expect(await html(PortalHomePage())).toContain("Hello, Ann");
  });

  it("lets the signed-in member choose their own language, and no one else's", async () => {
    const dojo = await createDojo();
    const me = await createMember(dojo.id, { firstName: "Jan" });
    const other = await createMember(dojo.id, { language: "fr" });
    signInAsMember(me);

    expect(await setMyLanguageAction({ language: "de" })).toEqual({ ok: true, data: { language: "de" } });
    expect(await languageOf(me.id)).toBe("de");
    expect(await languageOf(other.id)).toBe("fr");
    expect(await html(PortalHomePage())).toContain("Offene Rechnungen");

    // Another member's id beside the language changes nothing of theirs.
    expect(await setMyLanguageAction({ language: "nl", memberId: other.id } as { language: "nl" })).toMatchObject({ ok: true });
    expect(await languageOf(me.id)).toBe("nl");
    expect(await languageOf(other.id)).toBe("fr");

    // An unknown language is refused, in the member's language, and nothing changes.
    const refused = await setMyLanguageAction({ language: "es" } as unknown as { language: "nl" });
    expect(refused).toMatchObject({ ok: false, error: "Verbeter de gemarkeerde velden.", fieldErrors: { language: [expect.any(String)] } });
    expect(await languageOf(me.id)).toBe("nl");

    actAs(null);
    expect(await setMyLanguageAction({ language: "en" })).toMatchObject({ ok: false });
    expect(await languageOf(me.id)).toBe("nl");
  });

  it("shows the login in the browser's language among ours, English otherwise, and refuses in it", async () => {
    const dojo = await createDojo();
    const member = await createMember(dojo.id);
    actAs(null);
    acceptLanguage = "nl-BE,nl;q=0.9,en;q=0.8";
    try {
      const dutch = await html(PortalLoginPage());
      expect(await loginMetadata()).toEqual({ title: "Ledenomgeving" });
      expect(dutch).toContain("Lid-UID");
      expect(dutch).toContain("Inloggen");
      expect(await logInMember({ uid: member.uid, password: "wrong password" })).toEqual({ ok: false, error: "Verkeerde UID of verkeerd wachtwoord." });
      expect(await logInMember({ uid: "", password: "" })).toMatchObject({ ok: false, error: "Verbeter de gemarkeerde velden.", fieldErrors: { uid: ["Vul je lid-UID in"], password: ["Vul je wachtwoord in"] } });

      acceptLanguage = "es-ES,it;q=0.5";
      const english = await html(PortalLoginPage());
      expect(english).toContain("Member UID");
      expect(english).not.toContain("Lid-UID");
    } finally {
      acceptLanguage = null;
    }
  });
});
