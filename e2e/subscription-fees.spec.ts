import { expect as baseExpect, test, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { advanceClock, emulatorStripe } from "./support/emulator";
import { ensureStripeConnected, logIn as logInStaff } from "./support/staff";
import { screenshots } from "./support/screenshots";

// A plan with a sign-up fee and a 30-day trial: subscribing charges nothing on day 0; staff add a
// grading fee (and remove a mistaken one) for the next invoice; on day 30 (the emulator's test
// clock) Stripe charges fee + grading + first month on one invoice, booked paid here with its lines
// and its revenue in the ledger.
const { shots } = screenshots("test-results/subscription-fees");
const run = Date.now().toString(36);
const PLAN = `E2E Judo trial ${run}`;
const DAY = 86_400;
// Server actions on a loaded 2-core machine can take longer than the default 5 s.
const expect = baseExpect.configure({ timeout: 30_000 });

const stripeSection = (page: Page) => page.getByTestId("member-stripe");
const subscriptionRow = (page: Page) => page.getByTestId("subscription-row");

test.beforeEach(async ({ page }) => {
  await logInStaff(page, E2E.owner);
  await ensureStripeConnected(page, E2E_STRIPE_KEY);
});

async function addFee(page: Page, description: string, amount: string) {
  await subscriptionRow(page).getByRole("button", { name: "Add a fee to the next invoice" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("What for").fill(description);
  await dialog.getByLabel(/Amount/).fill(amount);
  await dialog.getByRole("button", { name: "Add fee" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("pending-fee").filter({ hasText: description })).toBeVisible();
}

test("sign-up fee and a 30-day trial: nothing on day 0, fee + first month on day 30, paid and in the ledger", async ({ page }) => {
  const stripe = emulatorStripe();
  const start = Math.floor(Date.now() / 1000);
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start });
  const customer = await stripe.customers.create({ name: "Trial on the clock", test_clock: clock.id });
  const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });

  await page.goto("/members/plans");
  await page.getByRole("button", { name: "New plan" }).click();
  const planDialog = page.getByRole("dialog");
  await planDialog.getByLabel("Name").fill(PLAN);
  await planDialog.getByLabel(/^Amount/).fill("39.00");
  await planDialog.getByLabel("Free trial (days)").fill("30");
  await planDialog.getByLabel(/Sign-up fee/).fill("30.00");
  await planDialog.getByRole("button", { name: "Create plan" }).click();
  const planRow = page.getByTestId("plan-row").filter({ hasText: PLAN });
  await expect(planRow).toContainText("30-day trial");
  await expect(planRow.getByTestId("plan-signup-fee")).toHaveText("+ €30.00 sign-up fee");
  await shots(page, "plans");

  await page.goto("/members/new");
  await page.getByLabel("First name").fill("Ren");
  await page.getByLabel("Last name").fill("Trial");
  await page.getByLabel("E-mail").fill(`ren-${run}@example.test`);
  await page.getByRole("button", { name: "Add member" }).click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  await stripeSection(page).getByRole("button", { name: "Set customer ID" }).click();
  await page.getByRole("dialog").getByLabel("Customer ID").fill(customer.id);
  await page.getByRole("dialog").getByRole("button", { name: "Link customer" }).click();
  await expect(stripeSection(page).getByText(customer.id)).toBeVisible();
  await stripeSection(page).getByRole("button", { name: "Subscribe" }).click();
  const subscribe = page.getByRole("dialog");
  await subscribe.getByLabel("Plan").selectOption((await subscribe.locator("option", { hasText: PLAN }).getAttribute("value"))!);
  await expect(subscribe.getByTestId("signup-fee-note")).toContainText("€30.00 is charged once, with the first payment after the trial");
  await subscribe.getByRole("button", { name: "Start the 30-day trial" }).click();
  await expect(subscribe).toHaveCount(0);

  // Day 0: trialing, nothing charged, no invoice; the sign-up fee waits for the first invoice.
  await expect(subscriptionRow(page)).toContainText("sign-up fee €30.00");
  await expect(page.getByTestId("pending-fee").filter({ hasText: `${PLAN} sign-up fee` })).toContainText("€30.00");
  await expect(page.getByText("No invoices yet")).toBeVisible();
  expect((await stripe.paymentIntents.list({ customer: customer.id })).data).toEqual([]);

  // A grading fee for the next invoice, and a mistaken one removed after confirming.
  await addFee(page, "Grading fee, 5th kyu", "15.00");
  await addFee(page, "Typo fee", "99.00");
  await page.getByTestId("pending-fee").filter({ hasText: "Typo fee" }).getByRole("button", { name: "Remove" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("€99.00 will not be charged");
  await confirm.getByRole("button", { name: "Remove fee" }).click();
  await expect(page.getByTestId("pending-fee").filter({ hasText: "Typo fee" })).toHaveCount(0);
  await expect(page.getByTestId("pending-fee")).toHaveCount(2);
  await shots(page, "member-trialing");

  // Day 30 (and the hour Stripe waits before charging): one invoice of fee + grading + first month, paid.
  await advanceClock(clock.id, start + 30 * DAY + 2 * 3600);
  const invoiceRows = page.locator("table").last().locator("tbody tr");
  await expect
    .poll(
      async () => {
        await page.reload();
        return invoiceRows.allInnerTexts();
      },
      { timeout: 60_000 },
    )
    .toEqual([expect.stringMatching(/Paid[\s\S]*€84\.00/)]);
  await expect(page.getByTestId("pending-fee")).toHaveCount(0);
  await expect(subscriptionRow(page)).toContainText("Active");
  const charged = (await stripe.invoices.list({ customer: customer.id })).data;
  expect(charged.map((i) => [i.status, i.amount_paid])).toEqual([
    ["paid", 8400],
    ["paid", 0],
  ]);
  await shots(page, "member-after-trial");

  const number = (await invoiceRows.first().locator("td").first().innerText()).trim();
  await invoiceRows.first().getByRole("link").click();
  await expect(page.getByText(`${PLAN} sign-up fee`)).toBeVisible();
  await expect(page.getByText("Grading fee, 5th kyu")).toBeVisible();
  await shots(page, "invoice");

  // The revenue is dated on the clock's day 30, next month perhaps: the ledger's default period is this month.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/ledger?period=custom&from=${day(-1)}&to=${day(45)}`);
  const entry = page.getByText(`Invoice ${number}`).first();
  await expect(entry).toBeVisible();
  await expect(page.locator("tr", { hasText: `Invoice ${number}` }).first()).toContainText("84.00");
});
