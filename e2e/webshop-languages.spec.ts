import { expect, test } from "@playwright/test";
import { screenshots } from "./support/screenshots";

// The Demo Dojo's webshop (seeded open, English by default) in the visitor's language: the
// picker keeps the choice in a cookie, so every page after it is rendered in that language.
const SHOTS = "test-results/webshop-languages";
const SHOP = "/shop/demo-dojo";
const { shots } = screenshots(SHOTS);

test("a visitor switches the shop to Dutch: words, money and the checkout's messages follow", async ({ page }) => {
  await page.goto(SHOP);
  await expect(page.getByRole("button", { name: "Add to cart" }).first()).toBeVisible();

  await page.getByLabel("Language", { exact: true }).selectOption("nl");
  await expect(page.getByRole("button", { name: "In winkelwagen" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Winkelwagen/ })).toBeVisible();
  await expect(page.getByText(/€\s45,00/).first()).toBeVisible();
  await expect(page.getByText("Uitverkocht").first()).toBeVisible();
  await expect(page.locator("div[lang=nl]").first()).toBeVisible();
  await shots(page, "shop-nl");

  // The choice is remembered: a new page load is Dutch as well.
  await page.getByRole("link", { name: /Judo gi, white/ }).first().click();
  await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: "Alle producten" })).toBeVisible();
  await page.getByRole("button", { name: "Eén meer" }).click();
  await page.getByRole("button", { name: "In winkelwagen" }).click();
  await expect(page.getByText("Toegevoegd aan je winkelwagen.")).toBeVisible();
  await shots(page, "product-nl");

  await page.getByRole("link", { name: "Bekijk winkelwagen" }).click();
  await expect(page.getByRole("heading", { name: "Je winkelwagen" })).toBeVisible();
  await expect(page.getByText(/€\s45,00 per stuk/)).toBeVisible();
  await expect(page).toHaveTitle(/^Winkelwagen/);
  await shots(page, "cart-nl");

  await page.getByRole("link", { name: "Afrekenen" }).click();
  await expect(page.getByRole("heading", { name: "Afrekenen" })).toBeVisible();
  // Sent empty: the server's answer is Dutch too.
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
  await expect(page.getByText("Verbeter de gemarkeerde velden.")).toBeVisible();
  await expect(page.getByText("Vul je naam in")).toBeVisible();
  await expect(page.getByText("Vul een geldig e-mailadres in")).toBeVisible();
  await shots(page, "checkout-nl");

  // Another language, on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel("Taal", { exact: true }).selectOption("fr");
  await expect(page.getByRole("heading", { name: "Finaliser la commande" })).toBeVisible();
  await expect(page.getByText(/90,00\s€/).first()).toBeVisible();
  // The Dutch answers do not linger in a French page.
  await expect(page.getByText("Vul je naam in")).toHaveCount(0);
  await shots(page, "checkout-fr");
  await page.goto(SHOP);
  await expect(page.getByRole("button", { name: "Ajouter au panier" }).first()).toBeVisible();
  await shots(page, "shop-fr");

  // Back to English for the journeys after this one (the cookie belongs to this context only).
  await page.getByLabel("Langue", { exact: true }).selectOption("en");
  await expect(page.getByRole("button", { name: "Add to cart" }).first()).toBeVisible();
});
