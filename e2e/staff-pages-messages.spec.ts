import { existsSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./support/accounts";
import { logIn, memberIdOf, memberUid } from "./support/staff";

// Each part of the staff dashboard gives its client components only its own words
// (lib/i18n/staff-client-messages.ts). Every staff page, in Dutch, drawn by the server and
// hydrated in the browser, without a message next-intl could not find (it would show the key).
const PAGES = ["/dashboard", "/members", "/members/new", "/members/plans", "/members/families", "/members/import", "/invoices", "/invoices/new", "/ledger", "/campaigns", "/campaigns/new", "/webshop/products", "/webshop/products/new", "/webshop/orders", "/webshop/settings", "/settings/profile", "/settings/stripe", "/settings/staff", "/settings/account", "/settings/account/plan", "/account"];

async function chooseLanguage(page: Page, label: RegExp, language: string, save: RegExp) {
  await page.goto("/account");
  await page.getByLabel(label).selectOption({ label: language });
  await page.getByRole("button", { name: save }).click();
  await expect(page.locator('select[name="language"]')).toHaveValue(language === "Nederlands" ? "nl" : "en");
}

test("every staff page in Dutch finds all its client components' words", async ({ page }) => {
  expect(existsSync(".next/server")).toBe(true);
  const missing: string[] = [];
  page.on("console", (message) => {
    if (/MISSING_MESSAGE|INSUFFICIENT_PATH/.test(message.text())) missing.push(`${page.url()}: ${message.text()}`);
  });
  await logIn(page, E2E.owner);
  const member = await memberIdOf(page, memberUid());
  await chooseLanguage(page, /Dashboard language/, "Nederlands", /Save language/);
  // Other journeys read this owner's dashboard in English: give it back whatever happens here.
  try {
    for (const path of [...PAGES, `/members/${member}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator("main").first()).toBeVisible();
      // next-intl shows a missing message as its key ("staff.members.form.title").
      expect(await page.locator("body").innerText(), path).not.toMatch(/\b(staff|ui|validation|components)\.[a-zA-Z]+\.[a-zA-Z]/);
    }
    expect(missing).toEqual([]);
  } finally {
    await chooseLanguage(page, /Taal van het dashboard/, "English", /Taal opslaan/);
  }
});
