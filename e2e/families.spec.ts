import { expect, test, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { memberLogIn } from "./support/member";
import { checkoutFrame, ensureStripeConnected, fillCard, logIn as logInStaff } from "./support/staff";
import { screenshots } from "./support/screenshots";

// A family of three: the paying parent with one saved card, two children subscribed on it (the
// second at the family discount), and the parent's members area showing the whole family.
const SHOTS = "test-results/families";
const run = Date.now().toString(36);
const PLAN = `E2E Kids judo ${run}`;
const FAMILY = `Ito ${run}`;
const PASSWORD = "family-payer-password";
const { shot, shots } = screenshots(SHOTS);

async function newMember(page: Page, firstName: string) {
  await page.goto("/members/new");
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Last name").fill(`Ito ${run}`);
  await page.getByLabel("E-mail").fill(`${firstName.toLowerCase()}-${run}@example.test`);
  await page.getByRole("button", { name: "Add member" }).click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  return { url: page.url(), uid: (await page.getByTestId("member-uid").textContent())!.trim() };
}

const stripeSection = (page: Page) => page.getByTestId("member-stripe");

async function subscribe(page: Page, memberUrl: string) {
  await page.goto(memberUrl);
  await stripeSection(page).getByRole("button", { name: "Subscribe" }).click();
  const dialog = page.getByRole("dialog");
  const value = await dialog.locator("option", { hasText: PLAN }).getAttribute("value");
  await dialog.getByLabel("Plan").selectOption(value!);
  await dialog.getByRole("button", { name: /Subscribe and charge/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("subscription-row")).toContainText("Active");
}

test("a family of three subscribed with one card; the payer's members area shows the whole family", async ({ page }) => {
  test.setTimeout(360_000);
  await logInStaff(page, E2E.owner);
  await ensureStripeConnected(page, E2E_STRIPE_KEY);

  await page.goto("/members/plans");
  await page.getByRole("button", { name: "New plan" }).click();
  const planDialog = page.getByRole("dialog");
  await planDialog.getByLabel("Name").fill(PLAN);
  await planDialog.getByLabel(/Amount/).fill("45.00");
  await planDialog.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByTestId("plan-row").filter({ hasText: PLAN })).toBeVisible();

  const parent = await newMember(page, "Yuki");
  await stripeSection(page).getByRole("button", { name: "Create customer in Stripe" }).click();
  await expect(stripeSection(page).getByText(/^cus_/)).toBeVisible();
  await stripeSection(page).getByRole("button", { name: "Add card now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Enter card" }).click();
  const checkout = checkoutFrame(page);
  await fillCard(checkout, "4242 4242 4242 4242");
  await checkout.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText("Card saved", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Set portal password" }).click();
  await page.getByRole("dialog").getByLabel("New password").fill(PASSWORD);
  await page.getByRole("dialog").getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const ren = await newMember(page, "Ren");
  const mei = await newMember(page, "Mei");

  // Members → Families: the discount, a new family paid by Yuki, the two children added.
  await page.goto("/members");
  await page.getByRole("link", { name: "Families" }).click();
  await page.getByLabel("Family discount from the second subscribed member:").fill("10");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Family discount saved", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "New family" }).first().click();
  const familyDialog = page.getByRole("dialog");
  await familyDialog.getByLabel("Family name").fill(FAMILY);
  const payerValue = await familyDialog.locator("option", { hasText: `Yuki Ito ${run}` }).getAttribute("value");
  await familyDialog.getByLabel("Paying member").selectOption(payerValue!);
  await familyDialog.getByRole("button", { name: "Create family" }).click();
  await page.waitForURL(/\/members\/families\/[0-9a-f-]{36}$/);
  for (const name of ["Ren", "Mei"]) {
    const option = await page.getByLabel("Member to add").locator("option", { hasText: `${name} Ito ${run}` }).getAttribute("value");
    await page.getByLabel("Member to add").selectOption(option!);
    await page.getByRole("button", { name: "Add to family" }).click();
    await expect(page.getByTestId("family-member").filter({ hasText: `${name} Ito ${run}` })).toBeVisible();
  }
  await expect(page.getByTestId("family-member")).toHaveCount(3);
  await shots(page, "family");

  // Each child is subscribed on the payer's card: no card of their own.
  await subscribe(page, ren.url);
  await expect(stripeSection(page)).toContainText("Paid by the family payer");
  await expect(page.getByTestId("subscription-row")).toContainText("€45.00");
  await subscribe(page, mei.url);
  await expect(page.getByTestId("subscription-row")).toContainText("€40.50");
  await expect(page.getByTestId("member-family")).toContainText(`${FAMILY} family · paid by Yuki Ito ${run}`);
  await shot(page, "child-member-page");

  // The payer's members area: both children's subscriptions and the family's invoices, one card.
  await page.context().clearCookies();
  await memberLogIn(page, { uid: parent.uid, password: PASSWORD });
  await expect(page.getByTestId("portal-family")).toContainText(`You pay for the ${FAMILY} family`);
  const subscriptions = page.locator("#subscriptions");
  // Each child's subscription, named by the child, with its own price (Mei's at the family discount).
  const mine = subscriptions.getByTestId("my-subscription");
  await expect(mine.filter({ hasText: `Ren Ito ${run}` })).toContainText(`${PLAN} Active€45.00`);
  await expect(mine.filter({ hasText: `Mei Ito ${run}` })).toContainText(`${PLAN} Active€40.50`);
  await expect(subscriptions).toContainText("Visa •••• 4242");
  await expect(page.getByText("Family invoice")).toHaveCount(2);
  await shots(page, "payer-portal");

});
