import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./support/accounts";
import { logIn } from "./support/staff";
import { screenshots } from "./support/screenshots";

// Dojos paying for Pro monthly on Tatami's platform account (e2e/support/seed-plans.ts), 10 days
// into their period. The emulator is the platform Stripe account (PLATFORM_STRIPE_SECRET_KEY).
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 12112}`;
const PLATFORM_KEY = "sk_test_platform_e2e";
const SHOTS = "test-results/account-plans";


const { shots } = screenshots(SHOTS);

async function saveCard(page: Page, card: string) {
  await page.getByRole("button", { name: "Change card" }).click();
  const checkout = page.frameLocator('iframe[title="Secure checkout"]');
  await checkout.getByLabel("Card number").fill(card);
  await checkout.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await checkout.getByLabel("CVC").fill("123");
  await checkout.getByLabel("Cardholder name").fill("Jenny Rosen");
  await checkout.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText("Card saved", { exact: true })).toBeVisible();
  await expect(page.getByTestId("plan-card")).toContainText(card.replace(/\s/g, "").slice(-4));
}

/** Cents in "€12.34" / "€1,234.56". */
const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100);

async function platformInvoices(dojoName: string) {
  const headers = { authorization: `Bearer ${PLATFORM_KEY}` };
  const customers = (await (await fetch(`${EMULATOR}/v1/customers?limit=100`, { headers })).json()) as { data: { id: string; name: string }[] };
  const customer = customers.data.find((c) => c.name === dojoName)!;
  return ((await (await fetch(`${EMULATOR}/v1/invoices?customer=${customer.id}`, { headers })).json()) as { data: { billing_reason: string; status: string; amount_paid: number }[] }).data;
}

// Long journeys (Checkout, test clocks) on a shared machine: two minutes each.
test.describe.configure({ mode: "serial", timeout: 120_000 });

test("a Pro dojo upgrades to Ultimate mid-period, pays the difference, and the Stripe settings unlock", async ({ page }) => {
  await logIn(page, E2E.upgradeOwner);
  await page.goto("/settings/stripe");
  await expect(page.getByRole("heading", { name: /part of the Ultimate plan/ })).toBeVisible();

  await page.goto("/settings/account");
  const summary = page.getByTestId("plan-summary");
  await expect(summary.getByRole("heading", { name: /Pro plan/ })).toBeVisible();
  await expect(summary).toContainText("Monthly · €39.00 per month");
  await expect(summary).toContainText("Renews on");
  await expect(page.getByRole("heading", { name: "Billing history" })).toBeVisible();
  await shots(page, "account-info");

  await summary.getByRole("link", { name: "Upgrade" }).click();
  await page.waitForURL("**/settings/account/plan?to=ultimate");
  const due = cents((await page.getByTestId("amount-due").textContent()) ?? "");
  // 10 of ~30 days are used: about two thirds of the €30.00 difference is due.
  expect(due).toBeGreaterThan(1800);
  expect(due).toBeLessThan(2200);
  await shots(page, "upgrade-screen");

  await saveCard(page, "4242 4242 4242 4242");
  // The amount is the same after the card change: the quote was made for the same instant on the test clock.
  await expect(page.getByTestId("amount-due")).toHaveText(new RegExp(`${(due / 100).toFixed(2)}$`));
  await page.getByRole("button", { name: /^Pay .* and upgrade$/ }).click();
  await expect(page.getByText("Your dojo is on Ultimate now", { exact: true })).toBeVisible();
  await page.waitForURL("**/settings/account");
  await expect(page.getByTestId("plan-summary").getByRole("heading", { name: /Ultimate plan/ })).toBeVisible();

  const invoices = await platformInvoices("Upgrade Dojo");
  expect(invoices.find((i) => i.billing_reason === "subscription_update")).toMatchObject({ status: "paid", amount_paid: due });
  await expect(page.getByRole("cell", { name: `€${(due / 100).toFixed(2)}` })).toBeVisible();

  await page.goto("/settings/stripe");
  await expect(page.getByRole("heading", { name: "Connect Stripe" })).toBeVisible();
  await expect(page.getByLabel("Secret key")).toBeVisible();

  // A smaller plan waits for the end of the period; Ultimate stays until then.
  await page.goto("/settings/account/plan");
  await shots(page, "change-plan");
  await page.getByTestId("plan-pro").getByRole("button", { name: "Switch to Pro" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Switch to Pro" }).click();
  await page.waitForURL("**/settings/account");
  await expect(page.getByText(/Your dojo moves to Pro on/)).toBeVisible();
  await expect(page.getByTestId("plan-summary").getByRole("heading", { name: /Ultimate plan/ })).toBeVisible();
  await shots(page, "downgrade-scheduled");
  await page.getByRole("button", { name: "Keep Ultimate" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Keep Ultimate" }).click();
  await expect(page.getByText(/Your dojo moves to Pro on/)).toHaveCount(0);
});

test("a declined payment leaves the plan unchanged with a clear message", async ({ page }) => {
  await logIn(page, E2E.declinedOwner);
  await page.goto("/settings/account/plan?to=ultimate");
  await expect(page.getByTestId("amount-due")).toBeVisible();
  // 0341 is saved fine, but every charge to it is declined.
  await saveCard(page, "4000 0000 0000 0341");
  await page.getByRole("button", { name: /^Pay .* and upgrade$/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your card was declined" })).toContainText("Your plan is unchanged");
  await shots(page, "upgrade-declined");

  await page.goto("/settings/account");
  await expect(page.getByTestId("plan-summary").getByRole("heading", { name: /Pro plan/ })).toBeVisible();
  await page.goto("/settings/stripe");
  await expect(page.getByRole("heading", { name: /part of the Ultimate plan/ })).toBeVisible();
  const invoices = await platformInvoices("Declined Dojo");
  expect(invoices.some((i) => i.billing_reason === "subscription_update" && i.status === "paid")).toBe(false);
});

test("an upgrade the bank wants to confirm: 3-D Secure in the page, then the new plan", async ({ page }) => {
  await logIn(page, E2E.secureOwner);
  await page.goto("/settings/account/plan?to=ultimate");
  const due = cents((await page.getByTestId("amount-due").textContent()) ?? "");
  await expect(page.getByTestId("plan-card")).toContainText("3184");
  await page.getByRole("button", { name: /^Pay .* and upgrade$/ }).click();

  // Stripe.js opens the bank's challenge over the page (platform publishable key).
  const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
  await expect(challenge.getByRole("button", { name: "Complete" })).toBeVisible();
  await shots(page, "upgrade-3ds");
  await challenge.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByText("Your dojo is on Ultimate now", { exact: true })).toBeVisible();
  await page.waitForURL("**/settings/account");
  await expect(page.getByTestId("plan-summary").getByRole("heading", { name: /Ultimate plan/ })).toBeVisible();
  const invoices = await platformInvoices("Secure Dojo");
  expect(invoices.find((i) => i.billing_reason === "subscription_update")).toMatchObject({ status: "paid", amount_paid: due });
});

test("after the trial the dojo has Basic features until it subscribes through Checkout", async ({ page }) => {
  await logIn(page, E2E.trialOwner);
  await expect(page.getByRole("alert").filter({ hasText: "Your free trial ended" })).toBeVisible();
  await page.goto("/settings/stripe");
  await expect(page.getByRole("heading", { name: /part of the Ultimate plan/ })).toBeVisible();
  await expect(page.getByText("Your dojo is on the Basic plan")).toBeVisible();

  await page.goto("/settings/account");
  await expect(page.getByTestId("plan-summary")).toContainText("Trial ended");
  await page.getByRole("link", { name: "Choose a plan" }).first().click();
  await page.waitForURL("**/settings/account/plan");
  await page.getByRole("link", { name: "Yearly" }).click();
  await expect(page.getByTestId("plan-ultimate")).toContainText("€690.00");
  await shots(page, "choose-plan");
  await page.getByTestId("plan-ultimate").getByRole("button", { name: "Choose Ultimate" }).click();
  const checkout = page.frameLocator('iframe[title="Secure checkout"]');
  await checkout.getByLabel("Card number").fill("4242 4242 4242 4242");
  await checkout.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await checkout.getByLabel("CVC").fill("123");
  await checkout.getByLabel("Cardholder name").fill("Jenny Rosen");
  await checkout.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByText("Welcome to Ultimate", { exact: true })).toBeVisible();
  await page.waitForURL("**/settings/account");
  await expect(page.getByTestId("plan-summary")).toContainText("Yearly · €690.00 per year");
  await expect(page.getByRole("alert").filter({ hasText: "Your free trial ended" })).toHaveCount(0);
  await page.goto("/settings/stripe");
  await expect(page.getByRole("heading", { name: "Connect Stripe" })).toBeVisible();
});

test("choosing Basic on day 3 of the trial keeps Ultimate until the trial's end; the card is charged then", async ({ page }) => {
  // Signed up 3 days ago (e2e/support/seed-plans.ts): 11 days of the trial are left, counted from
  // when the seed ran (a little before now). Tatami writes the end on the dojo's clock (sign-up's
  // default zone), Stripe's page on UTC's: near midnight the two labels are different days, so
  // the app's label is read from its banner and Stripe's may be that day or the one before.
  const trialEnd = new Date(Date.now() + 11 * 86_400_000);
  const utcDay = (moment: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(moment);
  const stripeLabels = [utcDay(trialEnd), utcDay(new Date(trialEnd.getTime() - 86_400_000))];
  await logIn(page, E2E.trialChoiceOwner);
  await expect(page.getByTestId("plan-banner")).toContainText("Free Ultimate trial: 11 days left");
  const endLabel = /until (\d{1,2} \w{3} \d{4})/.exec(await page.getByTestId("plan-banner").innerText())?.[1];
  if (!endLabel) throw new Error("the trial banner names no end date");

  await page.goto("/settings/account/plan");
  await expect(page.getByText(`It starts on ${endLabel}: your card is saved now and first charged then.`)).toBeVisible();
  await shots(page, "choose-plan-in-trial");
  await page.getByTestId("plan-basic").getByRole("button", { name: "Choose Basic" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: `Basic from ${endLabel}` })).toBeVisible();
  await expect(dialog).toContainText("Nothing is charged now.");
  const checkout = page.frameLocator('iframe[title="Secure checkout"]');
  // Stripe's Checkout says the same: free until the trial's end, then the price.
  await expect(checkout.getByTestId("checkout-total")).toHaveText("11 days free");
  await expect(checkout.getByTestId("checkout-trial")).toHaveText(new RegExp(`^Then €19\\.00 per month starting (${stripeLabels.join("|")})$`));
  await checkout.getByLabel("Card number").fill("4242 4242 4242 4242");
  await checkout.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await checkout.getByLabel("CVC").fill("123");
  await checkout.getByLabel("Cardholder name").fill("Jenny Rosen");
  await shots(page, "choose-plan-in-trial-checkout");
  await checkout.getByRole("button", { name: "Start trial" }).click();
  await expect(page.getByText(`Basic from ${endLabel}`, { exact: true })).toBeVisible();
  await page.waitForURL("**/settings/account");

  // Still Ultimate, and the page and the banner say which plan starts when.
  const summary = page.getByTestId("plan-summary");
  await expect(summary.getByRole("heading", { name: /Ultimate plan/ })).toBeVisible();
  await expect(summary).toContainText(`All Ultimate features free until ${endLabel}. Basic starts then`);
  await expect(summary).toContainText("Basic, Monthly · €19.00 per month");
  await expect(summary).toContainText("First charge on");
  await expect(page.getByTestId("plan-banner")).toContainText(`Basic starts on ${endLabel}; your card is charged then at €19.00 a month.`);
  await shots(page, "trial-plan-scheduled");
  await page.goto("/settings/stripe");
  await expect(page.getByRole("heading", { name: "Connect Stripe" })).toBeVisible();
  expect((await platformInvoices("Trial Choice Dojo")).map((i) => i.amount_paid)).toEqual([0]);

  // The platform account's clock reaches the trial's end: Stripe charges Basic then.
  const headers = { authorization: `Bearer ${PLATFORM_KEY}`, "content-type": "application/x-www-form-urlencoded" };
  const clocks = (await (await fetch(`${EMULATOR}/v1/test_helpers/test_clocks?limit=100`, { headers })).json()) as { data: { id: string; name: string | null }[] };
  const clock = clocks.data.find((c) => c.name === "trial-choice-dojo")!;
  const to = Math.floor(trialEnd.getTime() / 1000) + 7200;
  await fetch(`${EMULATOR}/v1/test_helpers/test_clocks/${clock.id}/advance`, { method: "POST", headers, body: `frozen_time=${to}` });
  await expect
    .poll(async () => (await platformInvoices("Trial Choice Dojo")).find((i) => i.billing_reason === "subscription_cycle"), { timeout: 15_000 })
    .toMatchObject({ status: "paid", amount_paid: 1900 });
});
