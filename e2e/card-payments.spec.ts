import { readFileSync } from "node:fs";
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { E2E, E2E_SEED_FILE } from "./support/accounts";
import { logIn } from "./support/log-in";

// Paying invoices by card against the emulator (playwright.config.ts): at the desk and in the members area.
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 12112}`;
const SHOTS = "test-results/card-payments";
const SECRET_KEY = "sk_test_e2e_card_payments";

async function shot(page: Page, name: string, width = 1280) {
  await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: width !== 375 });
}

/** Connects the Demo Dojo's Stripe through Settings → Stripe unless another spec already did. */
async function ensureStripeConnected(page: Page) {
  await page.goto("/settings/stripe");
  if (await page.getByRole("heading", { name: "Stripe is connected" }).isVisible()) return;
  await page.getByLabel("Publishable key").fill(SECRET_KEY.replace(/^sk_/, "pk_"));
  await page.getByLabel("Secret key").fill(SECRET_KEY);
  await page.getByRole("button", { name: "Connect Stripe" }).click();
  await expect(page.getByRole("heading", { name: "Stripe is connected" })).toBeVisible();
}

/** A new open invoice for a member, made through the staff UI; returns its page URL and number. */
async function issueInvoice(page: Page, memberUid: string, description: string, unitPrice: string) {
  await page.goto(`/members?q=${memberUid}`);
  await page.locator("main").getByRole("link").filter({ hasText: /\w+ \w+/ }).first().click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  const memberId = page.url().split("/").pop()!;
  await page.goto(`/invoices/new?member=${memberId}`);
  await page.getByLabel("Description").fill(description);
  await page.getByLabel("Qty").fill("1");
  await page.getByLabel(/Unit price/).fill(unitPrice);
  await page.getByRole("button", { name: "Create and issue" }).click();
  await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  return { url: page.url(), number: /Invoice (\d{4}-\d+)/.exec(heading ?? "")![1] };
}

async function fillCard(checkout: FrameLocator, card: string) {
  await checkout.getByLabel("Card number").fill(card);
  await checkout.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await checkout.getByLabel("CVC").fill("123");
  await checkout.getByLabel("Cardholder name").fill("Jenny Rosen");
}

const checkoutFrame = (page: Page) => page.frameLocator('iframe[title="Secure checkout"]');
const memberUid = () => (JSON.parse(readFileSync(E2E_SEED_FILE, "utf8")) as { memberUid: string }).memberUid;

test.describe.configure({ mode: "serial" });

test("staff pays an open invoice with 4242 in the embedded Checkout; the ledger shows the revenue", async ({ page }) => {
  await logIn(page, E2E.owner);
  await ensureStripeConnected(page);
  const invoice = await issueInvoice(page, memberUid(), "E2E desk payment", "42.00");

  await page.getByRole("button", { name: "Pay", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Pay with Stripe" })).toBeVisible();
  await shot(page, "pay-dialog");
  await shot(page, "pay-dialog", 375);
  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole("button", { name: "Pay with Stripe" }).click();
  const checkout = checkoutFrame(page);
  await expect(checkout.getByTestId("checkout-total")).toHaveText("€42.00");
  await shot(page, "pay-dialog-checkout");
  await fillCard(checkout, "4242 4242 4242 4242");
  await checkout.getByRole("button", { name: "Pay" }).click();

  // No reload: the page refreshes itself after the server confirmed the payment with Stripe.
  await expect(page.getByText("Payment received", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paid");
  await expect(page.getByRole("cell", { name: "Card" })).toBeVisible();

  await page.goto("/ledger");
  await expect(page.getByText(`Invoice ${invoice.number}`).first()).toBeVisible();
});

test.describe("members area", () => {
  async function memberLogIn(page: Page) {
    await page.goto("/portal/login");
    await page.getByLabel("Member UID").fill(memberUid());
    await page.getByLabel("Password").fill(E2E.memberPassword);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/portal");
  }

  test("failed 3-D Secure and a declined card leave the invoice open; completed 3-D Secure pays and mails a receipt", async ({ page, browser }) => {
    const staff = await browser.newPage();
    await logIn(staff, E2E.owner);
    await ensureStripeConnected(staff);
    const invoice = await issueInvoice(staff, memberUid(), "E2E portal payment", "37.50");
    await staff.close();

    await memberLogIn(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(invoice.url.replace(/\/invoices\//, "/portal/invoices/"));
    await page.getByRole("button", { name: "Pay with credit card" }).click();
    const checkout = checkoutFrame(page);
    await expect(checkout.getByTestId("checkout-total")).toHaveText("€37.50");
    await shot(page, "portal-checkout", 375);

    // 3-D Secure failed: Stripe's page says so, nothing is paid.
    await fillCard(checkout, "4000 0025 0000 3155");
    await checkout.getByRole("button", { name: "Pay" }).click();
    await checkout.getByRole("button", { name: "Fail" }).click();
    await expect(checkout.getByTestId("checkout-error")).toContainText("We are unable to authenticate your payment method");

    // Insufficient funds: the decline is shown, still nothing paid.
    await fillCard(checkout, "4000 0000 0000 9995");
    await checkout.getByRole("button", { name: "Pay" }).click();
    await expect(checkout.getByTestId("checkout-error")).toHaveText("Your card has insufficient funds.");
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(page.getByText(/Still to pay/).first()).toBeVisible();
    await shot(page, "portal-invoice-open", 375);

    // 3-D Secure completed: paid, with a success message and a receipt.
    await page.getByRole("button", { name: "Pay with credit card" }).click();
    await fillCard(checkout, "4000 0025 0000 3155");
    await checkout.getByRole("button", { name: "Pay" }).click();
    await checkout.getByRole("button", { name: "Complete" }).click();
    await expect(page.getByText("Thank you, your payment was received")).toBeVisible();
    await expect(page.getByText(/Paid .* · Card/)).toBeVisible();
    await shot(page, "portal-paid", 375);

    const inbox = (await (await fetch(`${EMULATOR}/_inbox.json`)).json()) as { data: { subject: string; text: string }[] };
    const receipt = inbox.data.find((m) => m.subject.includes(invoice.number));
    expect(receipt?.subject).toBe(`Receipt: €37.50 for invoice ${invoice.number}`);
    expect(receipt?.text).toContain("Visa •••• 3155");
  });
});
