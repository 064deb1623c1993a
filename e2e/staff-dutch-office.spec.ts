import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./support/accounts";
import { issueInvoice, logIn, memberUid } from "./support/staff";
import { screenshots } from "./support/screenshots";

// The owner switches the dashboard to Dutch: invoices, an invoice, Costs & revenues and the
// dashboard read in Dutch, money and dates as Dutch write them. Switched back at the end: later
// journeys log in as the same owner and read English.
const { shots } = screenshots("test-results/staff-dutch");

/** Saves the dashboard language; the page then speaks it (`savedAs`: its save button's new name). */
async function chooseLanguage(page: Page, label: string, save: string, language: string, savedAs: string) {
  await page.goto("/account");
  await page.getByLabel(label).selectOption(language);
  await page.getByRole("button", { name: save }).click();
  await expect(page.getByRole("button", { name: savedAs })).toBeVisible();
}

test.afterEach(async ({ page }) => {
  await page.goto("/account");
  if (await page.getByLabel("Taal van het dashboard").isVisible()) await chooseLanguage(page, "Taal van het dashboard", "Taal opslaan", "en", "Save language");
});

test("the staff dashboard in Dutch: invoices, an invoice, Costs & revenues, the dashboard", async ({ page }) => {
  await logIn(page, E2E.owner);
  const invoice = await issueInvoice(page, memberUid(), "Jaarcontributie", "1234.50");
  await chooseLanguage(page, "Dashboard language", "Save language", "nl", "Taal opslaan");
  await expect(page.getByRole("link", { name: "Leden" }).first()).toBeVisible();

  await page.goto("/invoices");
  await expect(page.getByRole("heading", { name: "Facturen", level: 1 })).toBeVisible();
  await expect(page.getByText("€ 1.234,50").first()).toBeVisible();
  await shots(page, "invoices");

  await page.goto(invoice.url);
  await expect(page.getByRole("heading", { name: `Factuur ${invoice.number}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Betaling registreren" })).toBeVisible();
  await shots(page, "invoice");

  await page.goto("/ledger?period=last-12-months");
  await expect(page.getByRole("heading", { name: "Kosten & opbrengsten", level: 1 })).toBeVisible();
  await expect(page.locator("figure .recharts-legend-wrapper")).toContainText("Opbrengsten");
  await shots(page, "ledger");

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: /^Welkom/ })).toBeVisible();
  await shots(page, "dashboard");
});
