import { expect, test } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { serverActionId } from "./support/server-action";
import { ensureStripeConnected, issueInvoice, logIn, memberUid, payAtDesk } from "./support/staff";
import { screenshots } from "./support/screenshots";

// Refunding a card payment from the invoice page, against the emulator (playwright.config.ts).
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 12112}`;
const SHOTS = "test-results/refunds";
const SECRET_KEY = E2E_STRIPE_KEY;

const { shot } = screenshots(SHOTS);

test.describe.configure({ mode: "serial" });

test("the owner refunds half of a card payment: Stripe refunds it, the invoice lists it and the ledger gets a negative entry", async ({ page }) => {
  await logIn(page, E2E.owner);
  await ensureStripeConnected(page, SECRET_KEY);
  const invoice = await issueInvoice(page, memberUid(), "E2E refund", "42.00");
  await payAtDesk(page, "4242 4242 4242 4242", "€42.00");

  await page.getByRole("button", { name: "Refund card payment of €42.00" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Refund card payment" })).toBeVisible();
  await expect(dialog.getByLabel("Amount (EUR)")).toHaveValue("42.00");

  // A reason is required, and more than was paid is refused before anything goes to Stripe.
  await dialog.getByLabel("Amount (EUR)").fill("50");
  await dialog.getByRole("button", { name: "Review refund" }).click();
  await expect(dialog.getByText("At most €42.00 can still be refunded")).toBeVisible();
  await expect(dialog.getByText("Say why the money goes back")).toBeVisible();

  await dialog.getByLabel("Amount (EUR)").fill("21.00");
  await dialog.getByLabel("Reason").fill("Injured for half of the month");
  await shot(page, "refund-dialog", 1280, false);
  await shot(page, "refund-dialog", 390, false);
  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole("button", { name: "Review refund" }).click();
  await expect(dialog.getByRole("heading", { name: "Confirm the refund" })).toBeVisible();
  await expect(dialog.getByText("This cannot be undone")).toBeVisible();
  await shot(page, "refund-confirm", 1280, false);
  await shot(page, "refund-confirm", 390, false);
  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole("button", { name: "Refund €21.00" }).click();

  await expect(page.getByText("Refund made", { exact: true })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "−€21.00" })).toBeVisible();
  await expect(page.getByText(/Injured for half of the month · by /)).toBeVisible();
  await expect(page.getByText("€21.00 refunded")).toBeVisible();
  // The invoice stays paid; the rest can still be refunded.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paid");
  await expect(page.getByRole("button", { name: "Refund card payment of €42.00" })).toBeVisible();
  await shot(page, "invoice-refunded", 1280, false);
  await page.reload(); // without the toasts covering the payments
  await shot(page, "invoice-refunded", 390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Stripe made exactly one refund of 21.00 for this payment.
  const refunds = (await (await fetch(`${EMULATOR}/v1/refunds?limit=100`, { headers: { authorization: `Bearer ${SECRET_KEY}` } })).json()) as { data: { amount: number; metadata: Record<string, string> }[] };
  expect(refunds.data.filter((r) => r.metadata.tatami_reason === "Injured for half of the month").map((r) => r.amount)).toEqual([2100]);

  // The ledger: the revenue and a negative entry for the refund.
  await page.goto("/ledger");
  const refundRow = page.getByRole("row").filter({ hasText: `Refund of invoice ${invoice.number}` });
  await expect(refundRow).toBeVisible();
  await expect(refundRow).toContainText("€21.00");
  await expect(page.getByRole("row").filter({ hasText: new RegExp(`(?<!of )Invoice ${invoice.number} ·`) })).toContainText("€42.00");
});

test("staff (not owner or manager) see no Refund button", async ({ page }) => {
  await logIn(page, E2E.staff);
  await page.goto("/invoices?status=paid");
  await page.locator('main a[href^="/invoices/"]:visible').filter({ hasText: /\d{4}-\d+/ }).first().click();
  await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Payments" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Refund/ })).toHaveCount(0);
});

test("a Pro-plan dojo's crafted refund call is refused", async ({ page }) => {
  await logIn(page, E2E.proOwner);
  const response = await page.request.post("/dashboard", {
    headers: {
      "Next-Action": serverActionId("refundCardPaymentAction", "app/(staff)/invoices/[id]/refund-actions.ts"),
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: new URL(page.url()).origin,
    },
    data: JSON.stringify([{ paymentId: "00000000-0000-4000-8000-000000000000", amount: "1.00", reason: "crafted", nonce: "6f1c1f43-3a9e-4d43-9d8e-0d0f6a3b9d11" }]),
  });
  const body = await response.text();
  expect(body).toContain("Card payments with Stripe is part of the Ultimate plan");
  expect(body).not.toContain('"ok":true');
});
