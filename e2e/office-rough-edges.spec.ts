import { expect, test } from "@playwright/test";
import { E2E } from "./support/accounts";
import { issueInvoice, logIn, memberUid } from "./support/staff";
import { screenshots } from "./support/screenshots";

// The rough edges a new owner hits: a page the role cannot open says whom to ask, icons, required
// fields marked, and a payment made elsewhere shows on an open invoice's page without a reload.
const SHOTS = "test-results/office-rough-edges";

const { shot } = screenshots(SHOTS);

test("staff opening Settings → Stripe see who can and whom to ask, inside the app, with a 403", async ({ page }) => {
  await logIn(page, E2E.staff);
  const response = await page.goto("/settings/stripe");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Only the dojo's owner can open the Stripe settings." })).toBeVisible();
  await expect(page.getByText("You are signed in as staff.")).toBeVisible();
  await expect(page.getByText(/Ask .*\(Owner\) to do it for you or to change your role\./)).toBeVisible();
  // The app around it stays: the menu, and a way back.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" })).toBeVisible();
  await shot(page, "refusal-stripe");
  await shot(page, "refusal-stripe", 390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("link", { name: "Back to the dashboard" }).click();
  await page.waitForURL("**/dashboard");

  expect((await page.goto("/ledger"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Only owners and managers can open Costs & revenues." })).toBeVisible();
});

test("the favicon and app icons are served and linked from every page", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await page.goto("/login");
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect((await request.get(icon!)).headers()["content-type"]).toContain("image/svg+xml");
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect((await request.get(apple!)).headers()["content-type"]).toBe("image/png");
});

test("forms mark their required fields", async ({ page }) => {
  await logIn(page, E2E.owner);
  await page.goto("/members/new");
  await expect(page.getByLabel("First name")).toHaveAttribute("aria-required", "true");
  await expect(page.getByLabel("Phone")).not.toHaveAttribute("aria-required", "true");
  await expect(page.locator("label", { hasText: "First name" })).toContainText("*");
  await shot(page, "member-form-required");
  await shot(page, "member-form-required", 390);
});

test("an open invoice's page shows a payment recorded elsewhere without a reload", async ({ page, browser }) => {
  await logIn(page, E2E.owner);
  const invoice = await issueInvoice(page, memberUid(), "Paid at the other desk", "30.00");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Open");

  // A colleague records the cash at another desk.
  const other = await browser.newContext();
  const desk = await other.newPage();
  await logIn(desk, E2E.owner);
  await desk.goto(invoice.url);
  await desk.getByRole("button", { name: "Record payment" }).click();
  await desk.getByRole("dialog").getByRole("button", { name: "Record payment" }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toContainText("Paid");
  await other.close();

  // The first page was never reloaded: it reads the invoice again while it is shown.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paid", { timeout: 30_000 });
  await expect(page.getByRole("cell", { name: "Cash" })).toBeVisible();
});
