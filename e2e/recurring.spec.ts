import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E, E2E_SEED_FILE, E2E_STRIPE_KEY } from "./support/accounts";
import { advanceClock, emulatorStripe, emulatorUrl as EMULATOR } from "./support/emulator";
import { cardLinkOf, checkoutFrame, completeThreeDSecure, ensureStripeConnected, fillCard, logIn as logInStaff } from "./support/staff";
import { screenshots } from "./support/screenshots";

// Recurring payments against the emulator: Stripe customers, saved cards, card links, plans,
// subscriptions, renewals on a test clock, a declined renewal and a payment needing 3-D Secure.
const SHOTS = "test-results/recurring";
// The same account card-payments.spec.ts connects, so either spec may run first.
const SECRET_KEY = E2E_STRIPE_KEY;
const run = Date.now().toString(36);
const PLAN = `E2E Judo monthly ${run}`;

const { shot } = screenshots(SHOTS);

/** A new member through the staff UI; ends on their page. */
async function newMember(page: Page, firstName: string) {
  const email = `${firstName.toLowerCase()}-${run}@example.test`;
  await page.goto("/members/new");
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Last name").fill("Recurring");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Add member" }).click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  return { email, url: page.url() };
}

const stripeSection = (page: Page) => page.getByTestId("member-stripe");

async function addCardNow(page: Page, card: string, opts: { threeDSecure?: boolean } = {}) {
  await stripeSection(page).getByRole("button", { name: "Add card now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Enter card" }).click();
  const checkout = checkoutFrame(page);
  await fillCard(checkout, card);
  await checkout.getByRole("button", { name: "Save card" }).click();
  if (opts.threeDSecure) await completeThreeDSecure(page, checkout);
  await expect(page.getByText("Card saved", { exact: true })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

async function subscribe(page: Page) {
  await stripeSection(page).getByRole("button", { name: "Subscribe" }).click();
  const dialog = page.getByRole("dialog");
  const value = await dialog.locator("option", { hasText: PLAN }).getAttribute("value");
  await dialog.getByLabel("Plan").selectOption(value!);
  await dialog.getByRole("button", { name: /Subscribe and charge €45\.00/ }).click();
  await expect(dialog).toHaveCount(0);
}

/** The member page's invoice table: status of each row, newest first. */
async function invoiceStatuses(page: Page) {
  await page.reload();
  return page.locator("table").last().locator("tbody tr td:nth-child(2)").allTextContents();
}

async function inbox(to: string) {
  return ((await (await fetch(`${EMULATOR}/_inbox.json?to=${encodeURIComponent(to)}`)).json()) as { data: { subject: string; text: string }[] }).data;
}


test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => {
  await logInStaff(page, E2E.owner);
  await ensureStripeConnected(page, SECRET_KEY);
});

test("a plan made in Tatami; create customer → add card now with 4242 → subscribe → paid invoice and revenue", async ({ page }) => {
  await page.goto("/members/plans");
  await page.getByRole("button", { name: "New plan" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(PLAN);
  await dialog.getByLabel(/Amount/).fill("45.00");
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByTestId("plan-row").filter({ hasText: PLAN })).toContainText("€45.00 per month");
  await shot(page, "plans");

  await newMember(page, "Hana");
  await stripeSection(page).getByRole("button", { name: "Create customer in Stripe" }).click();
  await expect(stripeSection(page).getByText(/^cus_/)).toBeVisible();
  await addCardNow(page, "4242 4242 4242 4242");
  await expect(page.getByTestId("saved-card")).toContainText("Visa •••• 4242");
  await expect(page.getByTestId("saved-card")).toContainText("Default");

  await subscribe(page);
  await expect(page.getByTestId("subscription-row")).toContainText("Active");
  await expect(page.getByTestId("subscription-row")).toContainText("next payment");
  expect(await invoiceStatuses(page)).toEqual(["Paid"]);
  const number = (await page.locator("table").last().locator("tbody tr td a").first().textContent())!;
  await shot(page, "member-stripe");
  await shot(page, "member-stripe", 390);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto("/ledger");
  // Exactly one revenue entry for the subscription's first invoice.
  await expect(page.getByRole("cell", { name: `Invoice ${number} · Hana Recurring` })).toHaveCount(1);
});


test("import from Stripe: the recurring prices are listed with checkboxes and only the chosen ones become plans", async ({ page }) => {
  const stripe = emulatorStripe();
  const product = await stripe.products.create({ name: `E2E Karate ${run}` });
  await stripe.prices.create({ product: product.id, nickname: `E2E Kids ${run}`, currency: "eur", unit_amount: 3000, recurring: { interval: "month" } });
  await stripe.prices.create({ product: product.id, nickname: `E2E Adults ${run}`, currency: "eur", unit_amount: 30000, recurring: { interval: "year" } });
  await stripe.prices.create({ product: product.id, nickname: `E2E Dollars ${run}`, currency: "usd", unit_amount: 3000, recurring: { interval: "month" } });

  await page.goto("/members/plans");
  await page.getByRole("button", { name: "Import from Stripe" }).click();
  const dialog = page.getByRole("dialog");
  const row = (name: string) => dialog.getByTestId("stripe-prices").getByRole("listitem").filter({ hasText: name });
  await expect(row(`E2E Kids ${run}`)).toContainText("€30.00 per month");
  // Made in Tatami: shown imported, ticked and locked; another currency: locked with the reason.
  await expect(row(PLAN).getByRole("checkbox")).toBeChecked();
  await expect(row(PLAN).getByRole("checkbox")).toBeDisabled();
  await expect(row(PLAN)).toContainText("Imported");
  await expect(row(`E2E Dollars ${run}`).getByRole("checkbox")).toBeDisabled();
  await expect(row(`E2E Dollars ${run}`)).toContainText("In USD; your Stripe currency is EUR.");
  await expect(dialog.getByRole("button", { name: "Choose prices to import" })).toBeDisabled();

  await row(`E2E Kids ${run}`).getByRole("checkbox").check();
  await shot(page, "import-plans");
  await shot(page, "import-plans", 390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole("button", { name: "Import 1 plan" }).click();
  await expect(page.getByText("1 plan imported from Stripe", { exact: true })).toBeVisible();
  await expect(page.getByTestId("plan-row").filter({ hasText: `E2E Kids ${run}` })).toContainText("€30.00 per month");
  await expect(page.getByTestId("plan-row").filter({ hasText: `E2E Adults ${run}` })).toHaveCount(0);

  // Opened again: the imported one is now ticked and locked.
  await page.getByRole("button", { name: "Import from Stripe" }).click();
  await expect(row(`E2E Kids ${run}`).getByRole("checkbox")).toBeDisabled();
  await expect(row(`E2E Adults ${run}`).getByRole("checkbox")).toBeEnabled();
});
test("a card link for a member without a customer creates and links one", async ({ page, browser }) => {
  const kenji = await newMember(page, "Kenji");
  await expect(stripeSection(page)).toContainText("Not linked to a Stripe customer yet.");
  const url = await cardLinkOf(page, kenji.url.split("/").pop()!);

  const member = await browser.newPage();
  await member.goto(url);
  await expect(member.getByRole("heading", { name: "Hi Kenji" })).toBeVisible();
  await shot(member, "card-link");
  await shot(member, "card-link", 390);
  await member.getByRole("button", { name: "Add card" }).click();
  const checkout = checkoutFrame(member);
  await fillCard(checkout, "4242 4242 4242 4242");
  await checkout.getByRole("button", { name: "Save card" }).click();
  await expect(member.getByText("Your card is saved.")).toBeVisible();
  await shot(member, "card-link-saved", 390);

  // A tampered token gets the friendly error page.
  await member.goto(url.slice(0, -3) + "xyz");
  await expect(member.getByRole("heading", { name: "This card link does not work" })).toBeVisible();
  await shot(member, "card-link-invalid", 390);
  await member.close();

  await page.reload();
  await expect(stripeSection(page).getByText(/^cus_/)).toBeVisible();
  await expect(page.getByTestId("saved-card")).toContainText("Visa •••• 4242");
});

test("renewals on a test clock: the next period is paid; with 4000000000000341 it fails → open invoice and an e-mail", async ({ page }) => {
  const stripe = emulatorStripe();
  const start = Math.floor(Date.UTC(2026, 0, 1) / 1000);
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start });
  const customer = await stripe.customers.create({ name: "On the clock", test_clock: clock.id });
  const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });

  const { email } = await newMember(page, "Yuki");
  await stripeSection(page).getByRole("button", { name: "Set customer ID" }).click();
  await page.getByRole("dialog").getByLabel("Customer ID").fill(customer.id);
  await page.getByRole("dialog").getByRole("button", { name: "Link customer" }).click();
  await expect(stripeSection(page).getByText(customer.id)).toBeVisible();
  await subscribe(page);
  expect(await invoiceStatuses(page)).toEqual(["Paid"]);

  // One period later (past the hour Stripe waits before charging a renewal): a second paid invoice, from webhooks.
  await advanceClock(clock.id, start + 31 * 86_400 + 2 * 3600);
  await expect.poll(() => invoiceStatuses(page), { timeout: 20_000 }).toEqual(["Paid", "Paid"]);

  // The member's card now fails every charge: the next renewal stays open (overdue: the clock's
  // date is in the past) and the member is mailed.
  await addCardNow(page, "4000 0000 0000 0341");
  await advanceClock(clock.id, start + 59 * 86_400 + 2 * 3600);
  await expect.poll(() => invoiceStatuses(page), { timeout: 20_000 }).toEqual(["Overdue", "Paid", "Paid"]);
  await expect(page.getByTestId("subscription-row")).toContainText("Payment failed");
  await expect.poll(async () => (await inbox(email)).map((m) => m.subject).filter((s) => s.includes("did not go through")).length, { timeout: 20_000 }).toBe(1);
});

test("with 4000002760003184 the first payment needs the member: e-mail, authenticate, invoice paid", async ({ page, browser }) => {
  const { email } = await newMember(page, "Sora");
  await stripeSection(page).getByRole("button", { name: "Create customer in Stripe" }).click();
  await expect(stripeSection(page).getByText(/^cus_/)).toBeVisible();
  await addCardNow(page, "4000 0027 6000 3184", { threeDSecure: true });
  await subscribe(page);
  await expect(page.getByTestId("subscription-row")).toContainText("Waiting for payment");
  expect(await invoiceStatuses(page)).toEqual(["Open"]);

  let mail: { subject: string; text: string } | undefined;
  await expect.poll(async () => (mail = (await inbox(email)).find((m) => m.subject.startsWith("Please confirm your payment"))), { timeout: 20_000 }).toBeTruthy();
  const link = /https?:\/\/\S+\/card\/\S+\?invoice=[0-9a-f-]+/.exec(mail!.text)![0];

  const member = await browser.newPage();
  await member.goto(link);
  await expect(member.getByRole("heading", { name: /Invoice \d{4}-\d+/ })).toBeVisible();
  await shot(member, "card-link-invoice", 390);
  await member.getByRole("button", { name: "Pay €45.00" }).click();
  await member.frameLocator('iframe[title="3D Secure authentication"]').getByRole("button", { name: "Complete" }).click();
  await expect(member.getByText(/is paid\. Thank you!/)).toBeVisible();
  await member.close();

  await expect.poll(() => invoiceStatuses(page), { timeout: 20_000 }).toEqual(["Paid"]);
  await expect(page.getByTestId("subscription-row")).toContainText("Active");
});

test("members area: the member sees the subscription and saved card, and replaces the card", async ({ page, browser }) => {
  const { memberUid } = JSON.parse(readFileSync(E2E_SEED_FILE, "utf8")) as { memberUid: string };
  await page.goto(`/members?q=${memberUid}`);
  // The member's row: the one link to /members/<id> (the header's "Add member", "Plans" and "Import" links also start with /members/).
  const hrefs = await page.locator('main a[href^="/members/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const row = hrefs.find((href) => /^\/members\/[0-9a-f-]{36}$/.test(href));
  expect(row, "the member's row in the list").toBeDefined();
  await page.locator(`main a[href="${row}"]`).first().click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  await addCardNow(page, "4242 4242 4242 4242");
  await subscribe(page);
  await expect(page.getByTestId("subscription-row")).toContainText("Active");

  const member = await browser.newPage();
  await member.goto("/portal/login");
  await member.getByLabel("Member UID").fill(memberUid);
  await member.getByLabel("Password").fill(E2E.memberPassword);
  await member.getByRole("button", { name: "Log in" }).click();
  await member.waitForURL("**/portal");
  const card = member.locator("#subscriptions");
  await expect(card).toContainText(PLAN);
  await expect(card).toContainText("Active");
  await expect(card).toContainText("Visa •••• 4242");
  await shot(member, "portal-subscriptions", 390);
  await card.getByRole("button", { name: "Replace card" }).click();
  await member.getByRole("dialog").getByRole("button", { name: "Enter card" }).click();
  await fillCard(checkoutFrame(member), "5555 5555 5555 4444");
  await checkoutFrame(member).getByRole("button", { name: "Save card" }).click();
  await expect(card).toContainText("Mastercard •••• 4444");
  await shot(member, "portal-subscriptions", 1280);
  await member.close();
});
