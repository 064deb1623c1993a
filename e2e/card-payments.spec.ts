import { expect, test, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { emulatorPublicUrl, emulatorUrl as EMULATOR } from "./support/emulator";
import { expectPaidInPortal, memberLogIn, NEW_CARD_BUTTON, openPortalCheckout } from "./support/member";
import { checkoutFrame, completeThreeDSecure, ensureStripeConnected as connect, expectPaidAtDesk, fillCard, issueInvoice, logIn, memberUid } from "./support/staff";
import { screenshots } from "./support/screenshots";

// Paying invoices by card against the emulator (playwright.config.ts): at the desk and in the members area.
const SHOTS = "test-results/card-payments";
const SECRET_KEY = E2E_STRIPE_KEY;

const { shot } = screenshots(SHOTS);

const ensureStripeConnected = (page: Page) => connect(page, SECRET_KEY);

test.describe.configure({ mode: "serial" });

test("staff pays an open invoice with 4242 in the embedded Checkout; the ledger shows the revenue", async ({ page }) => {
  await logIn(page, E2E.owner);
  // The CSP names the emulator this server was started with (under both its host names), not the one it was built with.
  const dashboard = await page.goto("/dashboard");
  expect(dashboard?.headers()["content-security-policy"]).toContain(`script-src 'self' 'unsafe-inline' ${EMULATOR} ${emulatorPublicUrl}`);
  await ensureStripeConnected(page);
  const invoice = await issueInvoice(page, memberUid(), "E2E desk payment", "42.00");

  await page.getByRole("button", { name: "Pay", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Pay with Stripe" })).toBeVisible();
  await shot(page, "pay-dialog");
  await shot(page, "pay-dialog", 375, false);
  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole("button", { name: "Pay with Stripe" }).click();
  const checkout = checkoutFrame(page);
  await expect(checkout.getByTestId("checkout-total")).toHaveText("€42.00");
  await shot(page, "pay-dialog-checkout");
  await fillCard(checkout, "4242 4242 4242 4242");
  await checkout.getByRole("button", { name: "Pay" }).click();

  // No reload: the page refreshes itself after the server confirmed the payment with Stripe.
  await expectPaidAtDesk(page);
  await expect(page.getByRole("cell", { name: "Card", exact: true })).toBeVisible();

  await page.goto("/ledger");
  await expect(page.getByText(`Invoice ${invoice.number}`).first()).toBeVisible();
});

test.describe("members area", () => {
  test("failed 3-D Secure and a declined card leave the invoice open; completed 3-D Secure pays and mails a receipt", async ({ page, browser }) => {
    const staff = await browser.newPage();
    await logIn(staff, E2E.owner);
    await ensureStripeConnected(staff);
    const invoice = await issueInvoice(staff, memberUid(), "E2E portal payment", "37.50");
    await staff.close();

    await memberLogIn(page, { uid: memberUid(), password: E2E.memberPassword });
    await page.setViewportSize({ width: 375, height: 800 });
    const checkout = await openPortalCheckout(page, invoice.url, "€37.50");
    await shot(page, "portal-checkout", 375, false);

    // 3-D Secure failed: Stripe's page says so, nothing is paid.
    await fillCard(checkout, "4000 0025 0000 3155");
    await checkout.getByRole("button", { name: "Pay" }).click();
    await checkout.getByRole("button", { name: "Fail" }).click();
    await expect(checkout.getByTestId("checkout-error")).toContainText("We are unable to authenticate your payment method");

    // Insufficient funds: the decline is shown, still nothing paid.
    await fillCard(checkout, "4000 0000 0000 9995");
    await checkout.getByRole("button", { name: "Pay" }).click();
    await expect(checkout.getByTestId("checkout-error")).toHaveText("Your card has insufficient funds.");
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    // The dialog's code loads on the click (not with the page): closing it still returns focus to its button.
    const payButton = page.getByRole("button", { name: NEW_CARD_BUTTON });
    await expect(payButton).toBeFocused();
    await expect(payButton).toHaveAttribute("aria-expanded", "false");
    await page.reload();
    await expect(page.getByText(/Still to pay/).first()).toBeVisible();
    await shot(page, "portal-invoice-open", 375, false);

    // 3-D Secure completed: paid, with a success message and a receipt.
    await page.getByRole("button", { name: NEW_CARD_BUTTON }).click();
    await fillCard(checkout, "4000 0025 0000 3155");
    await checkout.getByRole("button", { name: "Pay" }).click();
    await completeThreeDSecure(page, checkout);
    await expectPaidInPortal(page);
    await shot(page, "portal-paid", 375, false);

    // The receipt is queued with the payment; the app's worker sends it within a second or two.
    const receiptFor = async () => {
      const inbox = (await (await fetch(`${EMULATOR}/_inbox.json`)).json()) as { data: { subject: string; text: string }[] };
      return inbox.data.find((m) => m.subject.includes(invoice.number));
    };
    await expect.poll(async () => (await receiptFor())?.subject, { timeout: 15_000 }).toBe(`Receipt: €37.50 for invoice ${invoice.number}`);
    expect((await receiptFor())?.text).toContain("Visa •••• 3155");
  });
});

test("Charge saved card while a payment page is open: the desk is asked, the page is closed, then the card is charged", async ({ page }) => {
  await logIn(page, E2E.owner);
  await ensureStripeConnected(page);
  const run = Date.now().toString(36);
  await page.goto("/members/new");
  await page.getByLabel("First name").fill("Saved");
  await page.getByLabel("Last name").fill(`Card ${run}`);
  await page.getByLabel("E-mail").fill(`saved-${run}@example.test`);
  await page.getByRole("button", { name: "Add member" }).click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  const memberId = page.url().split("/").pop()!;
  await page.getByTestId("member-stripe").getByRole("button", { name: "Add card now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Enter card" }).click();
  await fillCard(checkoutFrame(page), "4242 4242 4242 4242");
  await checkoutFrame(page).getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText("Card saved", { exact: true })).toBeVisible();

  await page.goto(`/invoices/new?member=${memberId}`);
  await page.getByLabel("Description").fill("E2E saved card");
  await page.getByLabel("Qty").fill("1");
  await page.getByLabel(/Unit price/).fill("28.00");
  await page.getByRole("button", { name: "Create and issue" }).click();
  await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);

  // A Checkout page is opened and left open.
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Pay with Stripe" }).click();
  await expect(checkoutFrame(page).getByTestId("checkout-total")).toHaveText("€28.00");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Pay", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: /Charge saved card/ }).click();
  // Staff confirm the amount and the card before anything is charged.
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByRole("heading", { name: "Charge €28.00 to Visa •••• 4242?" })).toBeVisible();
  await shot(page, "charge-saved-card-confirm");
  await shot(page, "charge-saved-card-confirm", 375, false);
  await page.setViewportSize({ width: 1280, height: 900 });
  await confirm.getByRole("button", { name: "Charge €28.00" }).click();
  await expect(dialog.getByRole("alert")).toContainText("still open");
  await shot(page, "charge-saved-card-page-open");
  await shot(page, "charge-saved-card-page-open", 375, false);
  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole("button", { name: "Close it and charge the saved card" }).click();
  await expect(page.getByText("Payment received", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paid");
});
