import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { dojos, members } from "@/db/schema";
import CardLinkPage from "@/app/card/[token]/page";
import { completeCardLinkSetupAction, openCardLinkSetupAction } from "@/app/card/[token]/actions";
import { submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { liveCardLink } from "@/lib/card-links/live-card-link";
import { dispatchEvent } from "@/lib/stripe/webhooks/dispatch";
import { dojoWithStripe, inboxFor, sessionIdOf } from "../support/card-payment";
import { createMember } from "../support/factories";

let ip = "203.0.113.1";
let acceptLanguage = "en";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": ip, "accept-language": acceptLanguage }) }));

const tokenOf = (url: string) => url.split("/card/")[1];

async function render(token: string, invoice?: string) {
  const element = await CardLinkPage({ params: Promise.resolve({ token }), searchParams: Promise.resolve(invoice ? { invoice } : {}) });
  return renderToStaticMarkup(element);
}

describe("the /card/<token> page", () => {
  it("greets the member of a valid link and shows the error page for a tampered token", async () => {
    ip = "203.0.113.10";
    const { dojo } = await dojoWithStripe();
    const member = await createMember(dojo.id, { firstName: "Aiko" });
    const token = tokenOf((await liveCardLink(await getDb(), dojo.id, member.id)).url);
    const page = await render(token);
    expect(page).toContain("Hi Aiko");
    expect(page).toContain(dojo.name);

    const [id, sig] = token.split(".");
    const tampered = await render(`${id}.${sig.slice(0, -3)}abc`);
    expect(tampered).toContain("This card link does not work");
    expect(tampered).not.toContain("Aiko");
  });

  it("speaks the language of the link's member, else the dojo's, and opens Stripe Checkout in it", async () => {
    ip = "203.0.113.15";
    const { dojo, stripe } = await dojoWithStripe();
    const dutch = await createMember(dojo.id, { firstName: "Sanne", language: "nl" });
    const dutchPage = await render(tokenOf((await liveCardLink(await getDb(), dojo.id, dutch.id)).url));
    expect(dutchPage).toContain("Hallo Sanne");
    expect(dutchPage).toContain("<title>Je kaart toevoegen</title>");
    expect(dutchPage).not.toContain("Add card");

    await (await getDb()).update(dojos).set({ defaultLanguage: "fr" }).where(eq(dojos.id, dojo.id));
    const undecided = await createMember(dojo.id, { firstName: "Léa" });
    const token = tokenOf((await liveCardLink(await getDb(), dojo.id, undecided.id)).url);
    expect(await render(token)).toContain("Ajouter une carte");
    const opened = await openCardLinkSetupAction({ token });
    if (!opened.ok) throw new Error(opened.error);
    expect((await stripe.checkout.sessions.retrieve(sessionIdOf(opened.data.clientSecret))).locale).toBe("fr");
  });

  it("stops an address that keeps trying bad tokens", async () => {
    ip = "203.0.113.20";
    for (let i = 0; i < 10; i++) expect(await render(`guess-${i}`)).toContain("This card link does not work");
    expect(await render("guess-11")).toContain("Too many attempts");
    // Another address is not affected.
    ip = "203.0.113.21";
    expect(await render("guess-12")).toContain("This card link does not work");
  });

  it("creates and links a Stripe customer for a member without one and saves the card as default", async () => {
    ip = "203.0.113.30";
    const { dojo, stripe } = await dojoWithStripe({ currency: "CHF" });
    const member = await createMember(dojo.id);
    expect(member.stripeCustomerId).toBeNull();
    const token = tokenOf((await liveCardLink(await getDb(), dojo.id, member.id)).url);
    const opened = await openCardLinkSetupAction({ token });
    if (!opened.ok) throw new Error(opened.error);
    const [linked] = await (await getDb()).select({ customer: members.stripeCustomerId }).from(members).where(eq(members.id, member.id));
    expect(linked.customer).toMatch(/^cus_/);
    expect((await stripe.customers.retrieve(linked.customer!)) as { metadata: object }).toMatchObject({ metadata: { tatami_dojo_id: dojo.id, tatami_member_id: member.id } });

    const sessionId = sessionIdOf(opened.data.clientSecret);
    // Stripe needs setup mode's currency; only a card can be charged off-session later.
    expect(await stripe.checkout.sessions.retrieve(sessionId)).toMatchObject({ mode: "setup", currency: "chf", allowed_payment_method_types: ["card"] });
    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" }, { embedded: true });
    expect(await completeCardLinkSetupAction({ token, sessionId })).toEqual({ ok: true, data: { saved: true, method: "Visa •••• 4242" } });
    const customer = await stripe.customers.retrieve(linked.customer!);
    if (customer.deleted) throw new Error("deleted");
    expect(customer.invoice_settings.default_payment_method).toMatch(/^pm_/);
    expect((await inboxFor(member.email!)).map((m) => m.subject)).toContain(`Your card is saved with ${dojo.name}`);
    // Opening twice does not make a second customer.
    expect(await openCardLinkSetupAction({ token })).toMatchObject({ ok: true });
    expect((await stripe.customers.list({ limit: 10 })).data).toHaveLength(1);
  });

  it("saves the card and mails the member once when only the webhook reports it (the tab was closed)", async () => {
    ip = "203.0.113.35";
    const { dojo, stripe } = await dojoWithStripe();
    const member = await createMember(dojo.id);
    const token = tokenOf((await liveCardLink(await getDb(), dojo.id, member.id)).url);
    const opened = await openCardLinkSetupAction({ token });
    if (!opened.ok) throw new Error(opened.error);
    await submitCheckoutForm(sessionIdOf(opened.data.clientSecret), { card_number: "4242424242424242" }, { embedded: true });
    const events = (await stripe.events.list({ type: "checkout.session.completed", limit: 10 })).data;
    expect(events).toHaveLength(1);
    const db = await getDb();
    // Delivered three times: the card is made default once, the mail goes once, after the commit.
    for (let i = 0; i < 3; i++) await dispatchEvent(db, dojo.id, stripe, { ...events[0], id: `${events[0].id}_${i}` });
    const [linked] = await db.select({ customer: members.stripeCustomerId }).from(members).where(eq(members.id, member.id));
    const customer = await stripe.customers.retrieve(linked.customer!);
    if (customer.deleted) throw new Error("deleted");
    expect(customer.invoice_settings.default_payment_method).toMatch(/^pm_/);
    const mails = (await inboxFor(member.email!)).filter((m) => m.subject === `Your card is saved with ${dojo.name}`);
    expect(mails).toHaveLength(1);
  });

  it("refuses actions with a revoked or tampered token", async () => {
    ip = "203.0.113.40";
    const { dojo } = await dojoWithStripe();
    const member = await createMember(dojo.id);
    const token = tokenOf((await liveCardLink(await getDb(), dojo.id, member.id)).url);
    expect(await openCardLinkSetupAction({ token: `${token}x` })).toEqual({ ok: false, error: "This card link no longer works. Ask your dojo for a new one." });
  });

  it("answers an action in the language of its page: the link's member's, else the browser's for a link that does not open", async () => {
    ip = "203.0.113.50";
    const { dojo } = await dojoWithStripe();
    const member = await createMember(dojo.id, { language: "nl" });
    const token = tokenOf((await liveCardLink(await getDb(), dojo.id, member.id)).url);
    // The dojo no longer takes cards online (a plan without Stripe payments): the member reads it in Dutch.
    await (await getDb()).update(dojos).set({ plan: "pro" }).where(eq(dojos.id, dojo.id));
    expect(await openCardLinkSetupAction({ token })).toEqual({ ok: false, error: `${dojo.name} neemt op dit moment geen online kaartbetalingen aan. Neem contact op met de dojo.` });
    acceptLanguage = "fr-BE,fr;q=0.9";
    try {
      expect(await openCardLinkSetupAction({ token: `${token}x` })).toEqual({ ok: false, error: "Ce lien de carte ne fonctionne plus. Demandez-en un nouveau à votre dojo." });
    } finally {
      acceptLanguage = "en";
    }
  });
});
