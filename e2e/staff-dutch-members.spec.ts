import { expect, test, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { ensureStripeConnected, logIn, memberIdOf, memberUid } from "./support/staff";
import { screenshots } from "./support/screenshots";

// The members area of the dashboard for a staff member who reads Dutch (Dutch runs ~20 % longer
// than English: nothing may overflow at phone width), and the login page for a Dutch browser.
const SHOTS = "test-results/staff-dutch";
const { shots } = screenshots(SHOTS);

async function chooseLanguage(page: Page, label: string, language: "en" | "nl", save: string) {
  await page.goto("/account");
  await page.getByLabel(label).selectOption(language);
  await page.getByRole("button", { name: save }).click();
  await expect(page.getByRole("heading", { name: language === "nl" ? "Mijn account" : "My account" })).toBeVisible();
}

/** No element is wider than the window: nothing to scroll sideways on a phone. */
async function expectNoSidewaysScroll(page: Page) {
  const sticking = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const right = el.getBoundingClientRect().right;
      if (right > window.innerWidth + 0.5) out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} → ${Math.round(right)}px`);
    }
    return document.documentElement.scrollWidth > window.innerWidth ? out.slice(0, 8) : [];
  });
  // Named, so a failure says which element sticks out.
  expect(sticking).toEqual([]);
}

test("the members area in Dutch, on a desktop and a phone", async ({ page }) => {
  await logIn(page, E2E.owner);
  await ensureStripeConnected(page, E2E_STRIPE_KEY);
  const memberId = await memberIdOf(page, memberUid());
  await chooseLanguage(page, "Dashboard language", "nl", "Save language");
  try {
    await page.goto("/members");
    await expect(page.getByRole("heading", { name: "Leden" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Lid toevoegen" })).toBeVisible();
    await shots(page, "members");
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await expectNoSidewaysScroll(page);
    }

    await page.goto(`/members/${memberId}`);
    await expect(page.getByText("Lid sinds")).toBeVisible();
    await expect(page.getByTestId("member-stripe").getByRole("heading", { name: "Opgeslagen kaarten" })).toBeVisible();
    await shots(page, "member");
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    for (const [path, heading] of [["/members/families", "Gezinnen"], ["/members/plans", "Abonnementsvormen"], ["/members/import", "Leden importeren"]] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
      await shots(page, path.split("/").pop()!);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoSidewaysScroll(page);
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // The form's own checks (the schema's messages, in the browser) speak Dutch too.
    await page.goto("/members/new");
    await page.getByLabel("E-mail").fill("not an address");
    await page.getByRole("button", { name: "Lid toevoegen" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Verplicht" }).first()).toBeVisible();
    await expect(page.getByText("Vul een geldig e-mailadres in")).toBeVisible();
    await expect(page.getByText(/validation\./)).toHaveCount(0);
    await shots(page, "member-form-errors");
  } finally {
    await chooseLanguage(page, "Taal van het dashboard", "en", "Taal opslaan");
  }
});

test.describe("a browser that asks for Dutch", () => {
  test.use({ locale: "nl-NL" });

  test("gets the staff login in Dutch", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Inloggen voor medewerkers" })).toBeVisible();
    await expect(page.getByLabel("Wachtwoord")).toBeVisible();
    await shots(page, "login");
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
  });
});
