import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { answerThreeDSecure, newSecretKey, stripeClient } from "../test-support";
import { customerWithCard, monthlyPrice } from "./billing-support";

async function openInvoice(shortcut: string) {
  const stripe = stripeClient(newSecretKey("hosted"));
  const price = await monthlyPrice(stripe, 2500);
  const { customer } = await customerWithCard(stripe, shortcut);
  const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
  const invoice = await stripe.invoices.retrieve(sub.latest_invoice as string);
  expect(invoice.status).toBe("open");
  return { stripe, sub, invoice };
}

function post(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

const card = (number: string) => ({ action: "pay", card_number: number, expiry: "12 / 34", cvc: "123", name: "Jenny Rosen" });

describe("hosted invoice page", () => {
  it("shows an open invoice, refuses a declined card and is paid with a good one", async () => {
    const { stripe, sub, invoice } = await openInvoice("pm_card_chargeCustomerFail");
    const url = invoice.hosted_invoice_url!;
    const page = await (await fetch(url)).text();
    expect(page).toContain("€25.00");
    expect(page).toContain(`Invoice ${invoice.number}`);
    expect(page).toContain('name="card_number"');

    const declined = await post(url, card("4000000000009995"));
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain("Your card has insufficient funds.");
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe("open");

    const paid = await post(url, card("4242 4242 4242 4242"));
    expect(paid.status).toBe(303);
    expect(new URL(paid.headers.get("location")!, url).pathname).toBe(`/i/${invoice.id}`);
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe("paid");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
    expect(await (await fetch(url)).text()).toContain("Invoice paid");
  });

  it("authenticates a payment that needs 3-D Secure and comes back paid", async () => {
    const { stripe, invoice } = await openInvoice("pm_card_authenticationRequired");
    const url = invoice.hosted_invoice_url!;
    expect(await (await fetch(url)).text()).toContain("Authenticate payment");

    const toChallenge = await post(url, { action: "authenticate" });
    expect(toChallenge.status).toBe(303);
    const challenge = new URL(toChallenge.headers.get("location")!);
    const piId = challenge.pathname.split("/").pop()!;
    expect(challenge.pathname).toBe(`/3ds/${piId}`);

    const back = await answerThreeDSecure(piId, "complete");
    const returned = new URL(back.headers.get("location")!);
    expect(returned.pathname).toBe(`/i/${invoice.id}`);
    expect(returned.searchParams.get("redirect_status")).toBe("succeeded");
    const paid = await stripe.invoices.retrieve(invoice.id, { expand: ["payments"] });
    expect(paid.status).toBe("paid");
    expect((paid.payments?.data[0] as Stripe.InvoicePayment).payment.payment_intent).toBe(piId);
  });

  it("says so when authentication fails and offers the card form again", async () => {
    const { stripe, invoice } = await openInvoice("pm_card_authenticationRequired");
    const url = invoice.hosted_invoice_url!;
    const toChallenge = await post(url, { action: "authenticate" });
    const piId = new URL(toChallenge.headers.get("location")!).pathname.split("/").pop()!;
    const back = await answerThreeDSecure(piId, "fail");
    const page = await (await fetch(back.headers.get("location")!)).text();
    expect(page).toContain("We are unable to authenticate your payment method.");
    expect(page).toContain('name="card_number"');
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe("open");
  });
});
