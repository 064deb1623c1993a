import { expect, test, type Page } from "@playwright/test";
import { mailedSignupLink } from "./support/emulator";
import { logIn } from "./support/staff";

// The foundation's journey on a dojo that signs up during the test: nothing here depends on the
// seeded Demo Dojo, so the spec runs in any order with the others.
const run = Date.now().toString(36);
const owner = { name: "Hana Owner", email: `owner-${run}@foundation.test`, password: "owner password 1" };
const memberPassword = "member password 1";

async function logOut(page: Page) {
  // On a desktop-sized window the sidebar, with its log-out button, is always visible.
  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL("**/login");
}

/** Adds a member through the form and returns their page's URL and UID. */
async function addMember(page: Page, firstName: string, lastName: string) {
  await page.goto("/members/new");
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("E-mail").fill(`${firstName}.${lastName}-${run}@foundation.test`.toLowerCase());
  await page.getByRole("button", { name: "Add member" }).click();
  await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: `${firstName} ${lastName}`, level: 1 })).toBeVisible();
  const uid = (await page.getByTestId("member-uid").innerText()).trim();
  expect(uid).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{7}$/);
  return { url: page.url(), uid };
}

/** From the member's page: a draft with the given lines, then issued. Returns its URL and number. */
async function invoiceMember(page: Page, memberUrl: string, lines: { description: string; quantity: string; unitPrice: string }[]) {
  await page.goto(memberUrl);
  await page.getByRole("link", { name: "New invoice" }).click();
  await page.waitForURL(/\/invoices\/new\?member=/);
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add line" }).click();
    await page.getByLabel("Description").nth(i).fill(line.description);
    await page.getByLabel("Qty").nth(i).fill(line.quantity);
    await page.getByLabel(/Unit price/).nth(i).fill(line.unitPrice);
  }
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Draft invoice" })).toBeVisible();

  await page.getByRole("button", { name: "Issue", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Issue invoice" }).click();
  const heading = page.getByRole("heading", { name: /^Invoice \d{4}-\d{4}/ });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).match(/\d{4}-\d{4}/)![0];
  return { url: page.url(), number };
}

test.describe("Foundation", () => {
  // The second test logs in as the owner the first one signed up.
  test.describe.configure({ mode: "serial" });

  test("sign up, member, invoice, cash payment, ledger, members area, logout", async ({ page }) => {
    // The longest journey, and sign-up now waits for its mail (queued, sent by the job worker).
    test.slow();
    // Sign up a dojo: it lands in the staff dashboard, logged in as its owner.
    await page.goto("/signup");
    await page.getByLabel("Dojo name").fill(`Kaizen Dojo ${run}`);
    await page.getByLabel("Public address").fill(`kaizen-${run}`);
    await page.getByLabel("Currency").selectOption("CHF");
    await page.getByLabel("Your name").fill(owner.name);
    await page.getByLabel("E-mail").fill(owner.email);
    await page.getByLabel("Password").fill(owner.password);
    await page.getByRole("button", { name: "Create my dojo" }).click();
    // The address is confirmed by mail before anything is created (the same answer for any address).
    // The password is hashed (argon2) before the answer, on a busy machine for a while.
    await expect(page.getByText("Check your inbox")).toBeVisible({ timeout: 30_000 });
    await page.goto(await mailedSignupLink(owner.email));
    await expect(page.getByRole("heading", { name: `Create Kaizen Dojo ${run}` })).toBeVisible();
    await page.getByRole("button", { name: "Create my dojo" }).click();
    await page.waitForURL("**/login?welcome=1");
    await expect(page.getByText("Your dojo is ready.")).toBeVisible();
    await logIn(page, owner);
    await expect(page.getByText(`Kaizen Dojo ${run}`).first()).toBeVisible();
    await expect(page.getByText(`${owner.name} · Owner`)).toBeVisible();

    // A member with an invoice of two lines, issued, then paid in cash.
    const aiko = await addMember(page, "Aiko", "Tanabe");
    const invoice = await invoiceMember(page, aiko.url, [
      { description: "Training, March", quantity: "2", unitPrice: "45.50" },
      { description: "Belt exam", quantity: "1", unitPrice: "30" },
    ]);
    await expect(page.getByText("CHF 121.00").first()).toBeVisible();
    await expect(page.getByText("Open", { exact: true }).first()).toBeVisible();

    await page.getByRole("button", { name: "Record payment" }).click();
    const payment = page.getByRole("dialog");
    await expect(payment.getByLabel("Method")).toHaveValue("cash");
    await expect(payment.getByLabel(/Amount/)).toHaveValue("121.00");
    await payment.getByRole("button", { name: "Record payment" }).click();
    await expect(payment).toBeHidden();
    await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "Cash" })).toBeVisible();

    // The payment is exactly one revenue entry in the ledger.
    await page.getByRole("link", { name: "Costs & revenues" }).click();
    await page.waitForURL("**/ledger");
    const revenue = page.getByRole("row").filter({ hasText: `Invoice ${invoice.number}` });
    await expect(revenue).toHaveCount(1);
    await expect(revenue).toContainText("Revenue");
    await expect(revenue).toContainText("CHF 121.00");
    await expect(page.getByText("Revenue and costs per month")).toBeVisible();

    // A second member with an invoice of their own, which the first must never see.
    const ben = await addMember(page, "Ben", "Okafor");
    const other = await invoiceMember(page, ben.url, [{ description: "Private lesson", quantity: "1", unitPrice: "80" }]);

    // The first member's portal password, set by staff.
    await page.goto(aiko.url);
    await page.getByRole("button", { name: "Set portal password" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("New password").fill(memberPassword);
    await dialog.getByRole("button", { name: "Set password" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Change portal password" })).toBeVisible();

    // Staff logout ends the session: the dashboard sends back to the login page.
    await logOut(page);
    await page.goto("/dashboard");
    await page.waitForURL("**/login");

    // The member logs in with UID + password and sees their invoice, and nothing of Ben's.
    await page.goto("/portal/login");
    await page.getByLabel("Member UID").fill(aiko.uid.toLowerCase());
    await page.getByLabel("Password").fill(memberPassword);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/portal$/);
    await expect(page.getByRole("heading", { name: "Hello, Aiko" })).toBeVisible();
    await expect(page.getByText(invoice.number).first()).toBeVisible();
    await expect(page.getByText(other.number)).toHaveCount(0);
    await expect(page.getByText("Okafor")).toHaveCount(0);
    await page.getByRole("link", { name: new RegExp(invoice.number) }).click();
    await expect(page.getByText("Training, March")).toBeVisible();
    await expect(page.getByText("CHF 121.00").first()).toBeVisible();
    // Ben's invoice, even by its exact address, does not exist for Aiko.
    const response = await page.goto(other.url.replace("/invoices/", "/portal/invoices/"));
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Private lesson")).toHaveCount(0);
  });

  test("the owner invites a staff user, who joins with the given role and stays out of ledger and settings", async ({ page, browser }) => {
    await logIn(page, owner);
    await page.goto("/settings/staff");
    await page.getByRole("button", { name: "Invite" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Sora Staff");
    await dialog.getByLabel("E-mail").fill(`sora-${run}@foundation.test`);
    await dialog.getByLabel("Role").selectOption("staff");
    await dialog.getByRole("button", { name: "Create invitation" }).click();
    const link = await dialog.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invite\/[^/]+$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByText(`sora-${run}@foundation.test`)).toBeVisible();

    // The invitee opens the link in their own browser, sets a password and is logged in.
    const invitee = await browser.newContext();
    const staff = await invitee.newPage();
    await staff.goto(link);
    await expect(staff.getByLabel("Your name")).toHaveValue("Sora Staff");
    await staff.getByLabel("Choose a password").fill("sora password 1");
    await staff.getByRole("button", { name: "Join and log in" }).click();
    await staff.waitForURL("**/dashboard");
    await expect(staff.getByText("Sora Staff · Staff")).toBeVisible();
    // The link works once.
    await logOut(staff);
    await staff.goto(link);
    await expect(staff.getByRole("button", { name: "Join and log in" })).toHaveCount(0);

    // They log in with the password they chose; the role keeps them out of ledger and settings.
    await logIn(staff, { email: `sora-${run}@foundation.test`, password: "sora password 1" });
    const menu = staff.getByRole("navigation", { name: "Main" });
    await expect(menu.getByRole("link", { name: "Members" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Invoices" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Costs & revenues" })).toHaveCount(0);
    await expect(menu.getByRole("link", { name: "Settings" })).toHaveCount(0);
    // Pages say so and whom to ask (403); the ledger's download is simply not there for them.
    for (const path of ["/ledger", "/settings", "/settings/staff", "/settings/account"]) {
      const res = await staff.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(staff.getByRole("heading", { name: /^Only (the dojo's owner|owners and managers) can open / })).toBeVisible();
    }
    expect((await staff.goto("/ledger/export"))?.status()).toBe(404);
    // Their own account is theirs to change, whatever the role (from the menu: back in the app first).
    await staff.goto("/dashboard");
    await menu.getByRole("link", { name: "My account" }).click();
    await staff.waitForURL("**/account");
    await staff.getByLabel("Name").fill("Sora Sato");
    await staff.getByRole("button", { name: "Save name" }).click();
    await expect(staff.getByText("Sora Sato · Staff")).toBeVisible();
    await invitee.close();
  });
});
