import { expect, test, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { checkoutFrame, ensureStripeConnected, issueInvoice, logIn as logInStaff } from "./support/staff";
import { screenshots } from "./support/screenshots";

// A Dutch member in the members area: Dutch words, euros and dates written the Dutch way, an open
// invoice paid with iDEAL through Stripe Checkout (the emulator's bank page), a Dutch confirmation.
const SHOTS = "test-results/members-area-dutch-ideal";
const run = Date.now().toString(36);
const PASSWORD = "dutch-member-password";
const { shot, shots } = screenshots(SHOTS);

/** Settings → Stripe → Payment methods: iDEAL on or off (the Demo Dojo bills in euros). */
async function setIdeal(page: Page, on: boolean) {
  await page.goto("/settings/stripe");
  const ideal = page.getByRole("checkbox", { name: "iDEAL" });
  await expect(ideal).toBeVisible();
  if ((await ideal.isChecked()) === on) return;
  await ideal.setChecked(on);
  await page.getByRole("button", { name: "Save payment methods" }).click();
  await expect(page.getByText("Payment methods saved", { exact: true })).toBeVisible();
}

async function newDutchMember(page: Page) {
  await page.goto("/members/new");
  await page.getByLabel("First name").fill("Sanne");
  await page.getByLabel("Last name").fill(`de Vries ${run}`);
  await page.getByLabel("E-mail").fill(`sanne-${run}@example.test`);
  await page.getByLabel("Language").selectOption("nl");
  await page.getByRole("button", { name: "Add member" }).click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  const uid = (await page.getByTestId("member-uid").textContent())!.trim();
  await page.getByRole("button", { name: "Set portal password" }).click();
  await page.getByRole("dialog").getByLabel("New password").fill(PASSWORD);
  await page.getByRole("dialog").getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  return uid;
}

test("a Dutch member sees the members area in Dutch and pays an open invoice with iDEAL", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await logInStaff(page, E2E.owner);
  await ensureStripeConnected(page, E2E_STRIPE_KEY);
  await setIdeal(page, true);
  try {
    const uid = await newDutchMember(page);
    const invoice = await issueInvoice(page, uid, "Judo maart", "45.00");

    // Her browser asks for Dutch: the login, before anyone is known, is Dutch too.
    const context = await browser.newContext({ locale: "nl-NL" });
    const member = await context.newPage();
    await member.goto("/portal/login");
    await expect(member.getByRole("heading", { name: "Ledenomgeving" })).toBeVisible();
    await shots(member, "login");
    await member.getByLabel("Lid-UID").fill(uid);
    await member.getByLabel("Wachtwoord").fill(PASSWORD);
    await member.getByRole("button", { name: "Inloggen" }).click();
    await member.waitForURL("**/portal");

    await expect(member.getByRole("heading", { name: "Hallo Sanne" })).toBeVisible();
    await expect(member).toHaveTitle("Ledenomgeving · Tatami");
    await expect(member.getByTestId("language-picker")).toHaveValue("nl");
    await expect(member.getByRole("heading", { name: "Openstaande facturen" })).toBeVisible();
    // Dutch money: "€ 45,00" (Intl puts a no-break space after the sign).
    await expect(member.getByText(/^€\s45,00$/).first()).toBeVisible();
    await expect(member.getByText(/^Te betalen vóór \d{1,2} [a-z]{3} \d{4}$/).first()).toBeVisible();
    await shots(member, "home");

    await member.getByRole("link", { name: new RegExp(invoice.number) }).click();
    await expect(member.getByRole("heading", { name: `Factuur ${invoice.number}` })).toBeVisible();
    await expect(member.getByText(/^Nog te betalen: €\s45,00$/)).toBeVisible();
    await shots(member, "invoice-open");

    // The dojo takes iDEAL besides cards: the button says "pay online", and Checkout offers iDEAL.
    await member.getByRole("button", { name: "Online betalen" }).click();
    await expect(member.getByRole("dialog", { name: `Factuur ${invoice.number} betalen` })).toBeVisible();
    const checkout = checkoutFrame(member);
    await expect(checkout.getByTestId("checkout-total")).toContainText("45");
    await checkout.getByRole("radio", { name: "iDEAL" }).check();
    await shot(member, "checkout-ideal", 390, false);
    await member.setViewportSize({ width: 1280, height: 900 });
    await checkout.getByRole("button", { name: "Pay" }).click();
    // The bank's page (Stripe's test page for iDEAL): the member authorizes the payment.
    await checkout.getByRole("button", { name: "Authorize test payment" }).click();

    await expect(member.getByText("Dank je wel, je betaling is ontvangen", { exact: true })).toBeVisible();
    await expect(member.getByText(`Factuur ${invoice.number} is betaald. Het betaalbewijs komt per e-mail.`, { exact: true })).toBeVisible();
    await shot(member, "paid-toast", 1280, false);
    await expect(member.getByText(/^Betaald op \d{1,2} [a-z]{3} \d{4} · Kaart of online$/)).toBeVisible();
    await expect(member.getByText(/Nog te betalen/)).toHaveCount(0);
    await shots(member, "invoice-paid");
    await context.close();

    // Staff see the invoice paid, once.
    await page.goto(invoice.url);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Paid");
  } finally {
    await setIdeal(page, false);
  }
});
