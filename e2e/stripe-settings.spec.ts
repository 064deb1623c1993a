import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { serverActionId } from "./support/server-action";
import { logIn } from "./support/staff";
import { screenshots } from "./support/screenshots";

// The emulator the app talks to (playwright.config.ts): any sk_test_<x> is an account, pk_test_<x> its publishable key.
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 12112}`;
const SHOTS = "test-results/stripe-settings";
const E2E_PUBLISHABLE_KEY = E2E_STRIPE_KEY.replace(/^sk_/, "pk_");

const { shots } = screenshots(SHOTS);

async function emulator(method: string, apiPath: string, key: string, form?: Record<string, string>) {
  const res = await fetch(`${EMULATOR}${apiPath}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/x-www-form-urlencoded" },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${apiPath} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown> & { data?: Record<string, unknown>[] };
}

test.describe("Settings → Stripe", () => {
  test.beforeAll(() => expect(existsSync(".next/server")).toBe(true));

  test("the owner connects Stripe with emulator keys and sees its events", async ({ page }) => {
    await logIn(page, E2E.owner);
    await page.goto("/settings");
    await page.getByRole("link", { name: "Stripe" }).click();
    await expect(page).toHaveURL(/\/settings\/stripe$/);

    // Another spec may have connected the Demo Dojo already: then replace its keys through the dialog.
    const alreadyConnected = await page.getByRole("heading", { name: "Stripe is connected" }).isVisible();
    const form = alreadyConnected ? page.getByRole("dialog") : page.locator("main");
    if (alreadyConnected) await page.getByRole("button", { name: "Replace keys" }).click();
    else await shots(page, "connect-form");
    const submit = form.getByRole("button", { name: alreadyConnected ? "Check and save" : "Connect Stripe" });

    // Keys of different modes: a clear error next to the field, nothing saved.
    await form.getByLabel("Publishable key").fill("pk_live_e2e");
    await form.getByLabel("Secret key").fill(E2E_STRIPE_KEY);
    await submit.click();
    await expect(form.getByText("This is a live key but the secret key is a test key")).toBeVisible();
    if (!alreadyConnected) await shots(page, "connect-mode-mismatch");

    // Both test keys, but of two different Stripe accounts: Stripe itself tells them apart.
    await form.getByLabel("Publishable key").fill("pk_test_e2e_someone_else");
    await submit.click();
    // Next to the field it concerns (its accessible description), and in the form's summary.
    await expect(form.getByLabel("Publishable key")).toHaveAccessibleDescription(/This publishable key belongs to another Stripe account than the secret key/);
    await expect(form.getByRole("alert").filter({ hasText: "belongs to another Stripe account" }).first()).toBeVisible();
    if (!alreadyConnected) await shots(page, "connect-account-mismatch");

    await form.getByLabel("Publishable key").fill(E2E_PUBLISHABLE_KEY);
    await submit.click();
    await expect(page.getByRole("heading", { name: "Stripe is connected" })).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByText("Test mode", { exact: true })).toBeVisible();
    await expect(page.getByText(`Emulator account ${E2E_STRIPE_KEY.replace("sk_test_", "")}`)).toBeVisible();
    await expect(page.getByText(`sk_test_…${E2E_STRIPE_KEY.slice(-4)}`)).toBeVisible();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
    await expect(page.getByText(/\/api\/stripe\/webhook\/[0-9a-f-]{36}/)).toBeVisible();
    // The secret key never comes back to the browser.
    expect(await page.content()).not.toContain(E2E_STRIPE_KEY);

    // A payment in the Stripe account reaches the app's webhook endpoint, signed with its secret.
    await emulator("POST", "/v1/payment_intents", E2E_STRIPE_KEY, { amount: "1500", currency: "eur", payment_method: "pm_card_visa", confirm: "true", "automatic_payment_methods[enabled]": "true", "automatic_payment_methods[allow_redirects]": "never" });
    await fetch(`${EMULATOR}/_control/webhooks/flush`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: E2E_STRIPE_KEY }) });
    await page.reload();
    await expect(page.getByRole("cell", { name: /payment_intent\.succeeded/ }).first()).toBeVisible();
    await expect(page.getByText("None yet")).toHaveCount(0);
    await shots(page, "connected");

    // Keys of ANOTHER Stripe account while a member is linked to a customer of this one: nothing
    // is switched before the owner has read what it costs (or been told why it cannot be done).
    const customer = await emulator("POST", "/v1/customers", E2E_STRIPE_KEY, { name: "Switch check" });
    await page.goto("/members/new");
    await page.getByLabel("First name").fill("Switch");
    await page.getByLabel("Last name").fill("Check");
    await page.getByRole("button", { name: "Add member" }).click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await page.getByTestId("member-stripe").getByRole("button", { name: "Set customer ID" }).click();
    await page.getByRole("dialog").getByLabel("Customer ID").fill(String(customer.id));
    await page.getByRole("dialog").getByRole("button", { name: "Link customer" }).click();
    await expect(page.getByTestId("member-stripe").getByText(String(customer.id))).toBeVisible();
    await page.goto("/settings/stripe");
    await page.getByRole("button", { name: "Replace keys" }).click();
    const replace = page.getByRole("dialog");
    await replace.getByLabel("Publishable key").fill("pk_test_e2e_another_account");
    await replace.getByLabel("Secret key").fill("sk_test_e2e_another_account");
    await replace.getByRole("button", { name: "Check and save" }).click();
    // Earlier journeys may have left subscriptions running in this account: then it is refused outright.
    const question = page.getByRole("alertdialog").filter({ hasText: "Switch to another Stripe account?" });
    const refusal = replace.getByRole("alert").filter({ hasText: "These keys belong to another Stripe account" });
    await expect(question.or(refusal).first()).toBeVisible();
    await shots(page, "account-switch");
    if (await question.isVisible()) {
      await expect(question).toContainText("member is linked to a customer");
      await question.getByRole("button", { name: "Cancel" }).click();
    }
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(page.getByText(`Emulator account ${E2E_STRIPE_KEY.replace("sk_test_", "")}`)).toBeVisible();

    // Disconnect asks first, then deletes the endpoint in Stripe; connecting again leaves the
    // Demo Dojo connected for the payment specs.
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByRole("heading", { name: "Connect Stripe", exact: true })).toBeVisible();
    expect((await emulator("GET", "/v1/webhook_endpoints", E2E_STRIPE_KEY)).data).toEqual([]);
    await page.getByLabel("Publishable key").fill(E2E_PUBLISHABLE_KEY);
    await page.getByLabel("Secret key").fill(E2E_STRIPE_KEY);
    await page.getByRole("button", { name: "Connect Stripe" }).click();
    await expect(page.getByRole("heading", { name: "Stripe is connected" })).toBeVisible();
    expect((await emulator("GET", "/v1/webhook_endpoints", E2E_STRIPE_KEY)).data).toHaveLength(1);
  });

  test("the money check: Stripe and Tatami agree, or the list of differences with what settles each", async ({ page }) => {
    await logIn(page, E2E.owner);
    await page.goto("/settings/stripe");
    const webhookUrl = await page.getByText(/\/api\/stripe\/webhook\/[0-9a-f-]{36}/).textContent();
    const dojoId = /webhook\/([0-9a-f-]{36})/.exec(webhookUrl ?? "")![1];
    const card = page.getByTestId("money-check");

    await page.getByRole("button", { name: "Check for missed events" }).click();
    await expect(card.getByText("Stripe and Tatami agree.")).toBeVisible();

    // Stripe captured a payment for the dojo that Tatami never recorded.
    const pi = await emulator("POST", "/v1/payment_intents", E2E_STRIPE_KEY, {
      amount: "4200",
      currency: "eur",
      payment_method: "pm_card_visa",
      confirm: "true",
      // No redirect methods, so no return_url is needed (payment_method_types is gone in this API version).
      "automatic_payment_methods[enabled]": "true",
      "automatic_payment_methods[allow_redirects]": "never",
      "metadata[tatami_dojo_id]": dojoId,
    });
    await page.getByRole("button", { name: "Check for missed events" }).click();
    await expect(card.getByText("1 difference between Stripe and Tatami")).toBeVisible();
    const row = card.getByTestId("money-difference");
    await expect(row.getByText("Captured at Stripe, not recorded in Tatami")).toBeVisible();
    await expect(row.getByText("Stripe: €42.00 · Tatami: nothing")).toBeVisible();
    await expect(row.getByText(String(pi.id))).toBeVisible();
    // Read from the stored result: a reload shows the same (and no toast in the picture).
    await page.reload();
    await expect(card.getByText("1 difference between Stripe and Tatami")).toBeVisible();
    await shots(page, "money-check-differences");
    await page.setViewportSize({ width: 375, height: 900 });
    await card.screenshot({ path: `${SHOTS}/money-check-card-375.png` });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The dashboard shows it to those who may settle it.
    await page.goto("/dashboard");
    const alert = page.getByTestId("money-check-alert");
    await expect(alert.getByRole("heading", { name: "Stripe and Tatami disagree: 1 difference" })).toBeVisible();
    await expect(alert.getByRole("button", { name: "Refund it" })).toBeVisible();
    await shots(page, "dashboard-money-alert");
    await page.setViewportSize({ width: 375, height: 900 });
    await alert.screenshot({ path: `${SHOTS}/dashboard-money-alert-card-375.png` });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Refunding it (after a confirmation) settles it: they agree again, and the alert is gone.
    await page.goto("/settings/stripe");
    await card.getByRole("button", { name: "Refund it" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Refund" }).click();
    await expect(card.getByText("Stripe and Tatami agree.")).toBeVisible();
    expect((await emulator("GET", `/v1/refunds?payment_intent=${String(pi.id)}`, E2E_STRIPE_KEY)).data).toEqual([expect.objectContaining({ amount: 4200, status: "succeeded" })]);
    await page.reload();
    await expect(card.getByText("Stripe and Tatami agree.")).toBeVisible();
    await shots(page, "money-check-agree");
    await page.goto("/dashboard");
    await expect(page.getByTestId("money-check-alert")).toHaveCount(0);
  });

  test("the Pro plan sees an upgrade prompt and a crafted call is refused", async ({ page }) => {
    await logIn(page, E2E.proOwner);
    await page.goto("/settings/stripe");
    await expect(page.getByRole("heading", { name: /part of the Ultimate plan/ })).toBeVisible();
    await expect(page.getByText("Your dojo is on the Pro plan")).toBeVisible();
    await expect(page.getByLabel("Secret key")).toHaveCount(0);
    await shots(page, "upgrade-prompt");

    const key = "sk_test_e2eprocrafted";
    const response = await page.request.post("/settings/stripe", {
      headers: { "Next-Action": serverActionId("connectStripeAccount", "app/(staff)/settings/stripe/actions.ts"), Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(page.url()).origin },
      data: JSON.stringify([{ publishableKey: "pk_test_e2eprocrafted", secretKey: key, currency: "EUR", attempt: "6f1c1f43-3a9e-4d43-9d8e-0d0f6a3b9d11" }]),
    });
    const body = await response.text();
    expect(body).toContain("Card payments with Stripe is part of the Ultimate plan");
    expect(body).not.toContain('"ok":true');
    // Nothing was created in Stripe either.
    expect((await emulator("GET", "/v1/webhook_endpoints", key)).data).toEqual([]);
  });

  test("staff cannot open the Stripe settings: the page says whom to ask", async ({ page }) => {
    await logIn(page, E2E.staff);
    const response = await page.goto("/settings/stripe");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Only the dojo's owner can open the Stripe settings." })).toBeVisible();
    await expect(page.getByText(/Ask .*\(Owner\)/)).toBeVisible();
  });
});
