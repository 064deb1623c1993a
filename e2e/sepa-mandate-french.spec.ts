import { expect, test, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { emulatorUrl as EMULATOR } from "./support/emulator";
import { cardLinkOf, checkoutFrame, ensureStripeConnected, logIn as logInStaff } from "./support/staff";
import { screenshots } from "./support/screenshots";

// Issue 20, item 3: a French member gives a SEPA Direct Debit mandate through their card link; the
// staff subscribe them; the first payment is pending (SEPA) until the debit settles, then paid and
// in the ledger; the member page shows the mandate.
const SHOTS = "test-results/sepa-mandate";
const SECRET_KEY = E2E_STRIPE_KEY;
const run = Date.now().toString(36);
const PLAN = `E2E SEPA monthly ${run}`;
const IBAN = "FR1420041010050500013M02606";

const { shot } = screenshots(SHOTS);
const stripeSection = (page: Page) => page.getByTestId("member-stripe");

async function sepaEnabled(page: Page, on: boolean) {
  await page.goto("/settings/stripe");
  const box = page.getByRole("checkbox", { name: "SEPA Direct Debit" });
  if ((await box.isChecked()) === on) return;
  await box.setChecked(on);
  await page.getByRole("button", { name: "Save payment methods" }).click();
  await expect(page.getByText("Payment methods saved")).toBeVisible();
}

async function invoiceStatuses(page: Page) {
  await page.reload();
  return page.locator("table").last().locator("tbody tr td:nth-child(2)").allTextContents();
}

test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => {
  await logInStaff(page, E2E.owner);
  await ensureStripeConnected(page, SECRET_KEY);
});

// The other journeys expect cards only in setup mode: SEPA goes off again whatever happened here.
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await logInStaff(page, E2E.owner);
  await sepaEnabled(page, false);
  await page.close();
});

test("a French member gives a SEPA mandate on the card link; the subscription's first debit is pending, then paid and booked", async ({ page, browser }) => {
  await sepaEnabled(page, true);

  await page.goto("/members/plans");
  await page.getByRole("button", { name: "New plan" }).click();
  const plan = page.getByRole("dialog");
  await plan.getByLabel("Name").fill(PLAN);
  await plan.getByLabel(/Amount/).fill("45.00");
  await plan.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByTestId("plan-row").filter({ hasText: PLAN })).toBeVisible();

  await page.goto("/members/new");
  await page.getByLabel("First name").fill("Jeanne");
  await page.getByLabel("Last name").fill("Mandat");
  await page.getByLabel("E-mail").fill(`jeanne-${run}@example.test`);
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("button", { name: "Add member" }).click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  const memberUrl = page.url();
  const url = await cardLinkOf(page, memberUrl.split("/").pop()!);

  // The member's card link, in French, offering a card or a bank account.
  const member = await browser.newPage();
  await member.goto(url);
  await expect(member.getByRole("heading", { name: "Bonjour Jeanne" })).toBeVisible();
  await expect(member.getByText(/ou le compte bancaire \(mandat de prélèvement SEPA\)/)).toBeVisible();
  await shot(member, "card-link");
  await shot(member, "card-link", 390);
  await member.setViewportSize({ width: 1280, height: 900 });
  await member.getByRole("button", { name: "Ajouter une carte ou un compte bancaire" }).click();
  const checkout = checkoutFrame(member);
  await checkout.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  await checkout.getByLabel("IBAN (SEPA Direct Debit)").fill(IBAN);
  await checkout.getByRole("button", { name: "Save", exact: true }).click();
  await expect(member.getByText("Enregistré : SEPA Direct Debit •••• 2606.")).toBeVisible();
  await shot(member, "card-link-saved", 390);
  await member.close();

  // Staff: the mandate on the member page, then the subscription.
  await page.goto(memberUrl);
  const saved = page.getByTestId("saved-card");
  await expect(saved).toContainText("SEPA Direct Debit •••• 2606");
  await expect(saved).toContainText("Default");
  await expect(page.getByTestId("sepa-mandate")).toContainText(/IBAN •••• 2606 · bank 20041010 \(FR\) · mandate of \d{4}-\d{2}-\d{2}/);

  await stripeSection(page).getByRole("button", { name: "Subscribe" }).click();
  const dialog = page.getByRole("dialog");
  const value = await dialog.locator("option", { hasText: PLAN }).getAttribute("value");
  await dialog.getByLabel("Plan").selectOption(value!);
  await dialog.getByRole("button", { name: /Subscribe and charge €45\.00/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("Subscription created, payment pending")).toBeVisible();
  expect(await invoiceStatuses(page)).toEqual(["Open"]);
  await shot(page, "member-mandate");

  const invoiceLink = page.locator("table").last().locator("tbody tr td a").first();
  const number = (await invoiceLink.textContent())!;
  await invoiceLink.click();
  await expect(page.getByText("Payment pending (SEPA)")).toBeVisible();

  // The bank settles the debit (the emulator's control for delayed methods): paid and booked once.
  const settled = await fetch(`${EMULATOR}/_control/debits/settle`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: SECRET_KEY }) });
  expect(settled.ok).toBe(true);
  await page.goto(memberUrl);
  await expect.poll(() => invoiceStatuses(page), { timeout: 20_000 }).toEqual(["Paid"]);
  await page.goto("/ledger");
  await expect(page.getByRole("cell", { name: `Invoice ${number} · Jeanne Mandat` })).toHaveCount(1);
});
