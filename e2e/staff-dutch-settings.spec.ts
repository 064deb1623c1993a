import { existsSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { ensureStripeConnected, logIn } from "./support/staff";
import { screenshots } from "./support/screenshots";

const { shots } = screenshots("test-results/staff-dutch");

/** The signed-in person's dashboard language, chosen under My account (labels in the current language). */
async function chooseLanguage(page: Page, label: RegExp, language: string, save: RegExp) {
  await page.goto("/account");
  await page.getByLabel(label).selectOption({ label: language });
  await page.getByRole("button", { name: save }).click();
  // Saved, the page speaks the new language (its labels too): the field is found by its name.
  await expect(page.locator('select[name="language"]')).toHaveValue(language === "Nederlands" ? "nl" : "en");
  await expect(page.getByRole("button", { name: language === "Nederlands" ? "Taal opslaan" : "Save language" })).toBeVisible();
}

test.describe("the staff dashboard in Dutch", () => {
  test.beforeAll(() => expect(existsSync(".next/server")).toBe(true));

  test("a Dutch owner reads Settings → Stripe and the webshop admin in Dutch", async ({ page }) => {
    await logIn(page, E2E.owner);
    await ensureStripeConnected(page, E2E_STRIPE_KEY);
    await chooseLanguage(page, /Dashboard language/, "Nederlands", /Save language/);
    // Other journeys read this owner's dashboard in English: give it back whatever happens here.
    try {
      await page.goto("/settings/stripe");
      await expect(page.getByRole("heading", { name: "Stripe is gekoppeld" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Betaalmethoden" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Geldcontrole" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Controleren op gemiste gebeurtenissen" })).toBeVisible();
      await shots(page, "settings-stripe");

      await page.goto("/webshop/products");
      await expect(page.getByRole("heading", { name: "Producten" })).toBeVisible();
      await shots(page, "webshop-products");

      await page.goto("/webshop/orders");
      await expect(page.getByRole("heading", { name: "Bestellingen" })).toBeVisible();
      await shots(page, "webshop-orders");
    } finally {
      await chooseLanguage(page, /Taal van het dashboard/, "English", /Taal opslaan/);
    }
  });
});
