import { expect, test, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { advanceClock, emulatorStripe } from "./support/emulator";
import { ensureStripeConnected, logIn as logInStaff } from "./support/staff";
import { screenshots } from "./support/screenshots";

// A member pauses for the holidays: staff pause their subscription across a renewal date (the
// emulator's test clock passes it: Stripe voids that renewal, nothing is booked), resume it, and
// the next renewal is charged and booked on its usual date.
const { shots } = screenshots("test-results/subscription-pause");
const run = Date.now().toString(36);
const PLAN = `E2E Aikido monthly ${run}`;
const DAY = 86_400;


const stripeSection = (page: Page) => page.getByTestId("member-stripe");
const subscriptionRow = (page: Page) => page.getByTestId("subscription-row");

/** The member page's invoice table: status of each row, newest first. */
async function invoiceStatuses(page: Page) {
  await page.reload();
  return page.locator("table").last().locator("tbody tr td:nth-child(2)").allTextContents();
}

test.beforeEach(async ({ page }) => {
  await logInStaff(page, E2E.owner);
  await ensureStripeConnected(page, E2E_STRIPE_KEY);
});

test("pause across a renewal date: no invoice; resume: the next renewal is charged on time", async ({ page }) => {
  // The member's Stripe customer lives on a test clock that starts now.
  const stripe = emulatorStripe();
  const start = Math.floor(Date.now() / 1000);
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start });
  const customer = await stripe.customers.create({ name: "Paused on the clock", test_clock: clock.id });
  const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });

  await page.goto("/members/plans");
  await page.getByRole("button", { name: "New plan" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(PLAN);
  await page.getByRole("dialog").getByLabel(/Amount/).fill("39.00");
  await page.getByRole("dialog").getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByTestId("plan-row").filter({ hasText: PLAN })).toBeVisible();

  await page.goto("/members/new");
  await page.getByLabel("First name").fill("Mei");
  await page.getByLabel("Last name").fill("Pause");
  await page.getByLabel("E-mail").fill(`mei-${run}@example.test`);
  await page.getByRole("button", { name: "Add member" }).click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  await stripeSection(page).getByRole("button", { name: "Set customer ID" }).click();
  await page.getByRole("dialog").getByLabel("Customer ID").fill(customer.id);
  await page.getByRole("dialog").getByRole("button", { name: "Link customer" }).click();
  await expect(stripeSection(page).getByText(customer.id)).toBeVisible();
  await stripeSection(page).getByRole("button", { name: "Subscribe" }).click();
  const subscribe = page.getByRole("dialog");
  await subscribe.getByLabel("Plan").selectOption((await subscribe.locator("option", { hasText: PLAN }).getAttribute("value"))!);
  await subscribe.getByRole("button", { name: /Subscribe and charge €39\.00/ }).click();
  await expect(subscribe).toHaveCount(0);
  await expect(subscriptionRow(page)).toContainText("next payment");
  expect(await invoiceStatuses(page)).toEqual(["Paid"]);

  // Pause until 40 days from now: the renewal a month from now falls inside.
  const resumeOn = new Date((start + 40 * DAY) * 1000).toISOString().slice(0, 10);
  await subscriptionRow(page).getByRole("button", { name: "Pause" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("no renewal is charged to Mei");
  await confirm.getByLabel("Resume on").fill(resumeOn);
  await shots(page, "confirm-pause");
  await confirm.getByRole("button", { name: "Pause subscription" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(subscriptionRow(page)).toContainText("Paused");
  await expect(page.getByTestId("pause-note")).toContainText("No payments until");
  await expect(page.getByTestId("pause-history")).toContainText("paused until");

  await page.goto("/dashboard");
  await expect(page.getByText(/[1-9]\d* with a paused subscription/)).toBeVisible();
  await page.goBack();

  // Past the renewal date (and the hour Stripe waits before charging): Stripe voided it, nothing is booked here.
  await advanceClock(clock.id, start + 32 * DAY);
  await page.waitForTimeout(3000);
  expect(await invoiceStatuses(page)).toEqual(["Paid"]);
  const voided = (await stripe.invoices.list({ customer: customer.id })).data.map((i) => i.status);
  expect(voided).toEqual(["void", "paid"]);
  await shots(page, "paused-member");

  // Staff resume before the chosen day; the next renewal comes on its usual date and is booked once.
  await subscriptionRow(page).getByRole("button", { name: "Resume" }).click();
  await expect(page.getByText("Subscription resumed: the next renewal is charged on its date")).toBeVisible();
  await expect(subscriptionRow(page)).toContainText("next payment");
  await advanceClock(clock.id, start + 62 * DAY + 2 * 3600);
  await expect.poll(() => invoiceStatuses(page), { timeout: 20_000 }).toEqual(["Paid", "Paid"]);
  await expect(page.getByTestId("pause-history")).toContainText("resumed by staff");
  await expect(page.getByTestId("pause-history")).toContainText("paused until");
  await shots(page, "resumed-member");
});
