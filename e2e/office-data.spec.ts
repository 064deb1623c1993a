import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./support/accounts";
import { logIn } from "./support/staff";
import { screenshots } from "./support/screenshots";

// The dojo office's data: members in from a CSV file (preview, per-row errors, all or nothing)
// and members, invoices, payments and orders out as CSV.
const SHOTS = "test-results/office-data";

const { shot } = screenshots(SHOTS);

const csvFile = (name: string, lines: string[]) => ({ name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n"), "utf8") });

async function download(page: Page, link: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
}

test("import members from a CSV file: a bad row stops the import with its row number; the corrected file imports all; the export has them", async ({ page }) => {
  // Many steps on a busy machine: more than the default minute.
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  await logIn(page, E2E.owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" }).click();
  await page.getByRole("link", { name: "Import" }).click();
  await page.waitForURL("**/members/import");
  await expect(page.getByRole("heading", { name: "Import members" })).toBeVisible();

  const header = "First name;Last name;E-mail;Phone;Birth date;Belt";
  const good = [`Hana;Imported${run};hana-${run}@import.test;+81 90 1111;2001-05-06;white`, `Kenji;Imported${run};kenji-${run}@import.test;;;yellow`, `Yuki;Imported${run};;;1999-12-31;`];
  const bad = [good[0], `Kenji;Imported${run};hana-${run}@import.test;;;yellow`, `Yuki;Imported${run};;;31.12.1999;`];
  await page.getByLabel("CSV file").setInputFiles(csvFile("members.csv", [header, ...bad]));

  await expect(page.getByRole("heading", { name: /3 members in members\.csv/ })).toBeVisible();
  await expect(page.getByText("Belt → not imported")).toBeVisible();
  await expect(page.getByText("E-mail → E-mail")).toBeVisible();
  await expect(page.getByRole("heading", { name: "2 rows have errors: nothing will be imported until the file is corrected." })).toBeVisible();
  const errors = page.getByRole("list", { name: "Row errors" }).getByRole("listitem");
  await expect(errors).toHaveText([`Row 3: E-mail: hana-${run}@import.test is also on row 2`, "Row 4: Birth date: “31.12.1999” is not a date in the form YYYY-MM-DD (e.g. 1990-04-23)"]);
  await expect(page.getByRole("button", { name: /^Import \d+ member/ })).toHaveCount(0);
  await shot(page, "import-errors");
  await shot(page, "import-errors", 390);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByLabel("CSV file").setInputFiles(csvFile("members.csv", [header, ...good]));
  await expect(page.getByText("Every row is fine.")).toBeVisible();
  await expect(page.getByRole("cell", { name: `kenji-${run}@import.test` })).toBeVisible();
  await shot(page, "import-ready");
  await shot(page, "import-ready", 390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Import 3 members" }).click();
  await page.waitForURL(/\/members$/);
  await expect(page.getByText("3 members imported", { exact: true })).toBeVisible();

  await page.getByRole("searchbox").fill(`Imported${run}`);
  await page.keyboard.press("Enter");
  await expect(page.getByText(`hana-${run}@import.test`).first()).toBeVisible();
  await expect(page.getByText(/3 active members matching/)).toBeVisible();
  await shot(page, "members-header");
  await shot(page, "members-header", 390);
  await page.setViewportSize({ width: 1280, height: 900 });

  const csv = await download(page, "Export CSV");
  expect(csv.name).toMatch(/^members-demo-dojo-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.split("\r\n");
  expect(lines[0]).toBe("\uFEFFUID,First name,Last name,E-mail,Phone,Birth date,Address,Notes,Status,Member since (UTC)");
  // Imported last, in the file's order; the phone guarded against spreadsheet formulas.
  const mine = lines.filter((l) => l.includes(`Imported${run}`));
  expect(mine.map((l) => l.split(",")[1])).toEqual(["Hana", "Kenji", "Yuki"]);
  expect(mine[0]).toContain(`hana-${run}@import.test,'+81 90 1111,2001-05-06,,,active,`);
});

test("invoices, payments and webshop orders download as CSV", async ({ page }) => {
  await logIn(page, E2E.owner);
  await page.goto("/invoices");
  await shot(page, "invoices-header");
  await shot(page, "invoices-header", 390);
  await page.setViewportSize({ width: 1280, height: 900 });
  const invoices = await download(page, "Export invoices");
  expect(invoices.name).toMatch(/^invoices-demo-dojo-/);
  expect(invoices.text.split("\r\n")[0]).toBe("\uFEFFNumber,Issue date,Due date,Status,Member,UID,Total,Paid,Refunded,Open,Currency,Source,Paid at (UTC),Created (UTC),Invoice ID");
  expect(invoices.text.split("\r\n").length).toBeGreaterThan(3);
  const payments = await download(page, "Export payments");
  expect(payments.name).toMatch(/^payments-demo-dojo-/);
  expect(payments.text.split("\r\n")[0]).toBe("\uFEFFPaid at (UTC),Invoice,Member,UID,Method,Amount,Currency,Reference,Stripe payment,Payment ID");

  await page.goto("/webshop/orders");
  const orders = await download(page, "Export CSV");
  expect(orders.name).toMatch(/^orders-demo-dojo-/);
  expect(orders.text.split("\r\n")[0]).toContain("Order,Placed at (UTC),Status,Buyer");
});
