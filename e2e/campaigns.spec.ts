import { expect, test } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { checkoutFrame, ensureStripeConnected, fillCard, logIn, memberIdOf, memberUid } from "./support/staff";
import { screenshots } from "./support/screenshots";

// Compose → preview → send → the mail is in the emulator's inbox → its card link opens that
// member's card page. The campaign is sent by the job worker running inside `next start`.
const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 12112}`;
const SHOTS = "test-results/campaigns";

type InboxMail = { to: string[]; subject: string; html: string; text: string; headers: Record<string, string> | null };


const { shot } = screenshots(SHOTS);


test("compose, preview and send a campaign; the mail arrives with an “Add my card” button, which opens the member's card page and adds a card", async ({ page: firstPage, request }) => {
  let page = firstPage;
  const tag = `E2E ${Date.now().toString(36)}`;
  await logIn(page, E2E.owner);
  // The card link takes cards only when the dojo's Stripe is connected.
  await ensureStripeConnected(page, E2E_STRIPE_KEY);
  await page.getByRole("link", { name: "Campaigns" }).first().click();
  await page.waitForURL("**/campaigns");
  await page.getByRole("link", { name: "New campaign" }).first().click();
  await page.waitForURL("**/campaigns/new");

  await page.getByLabel("Subject").fill(`${tag}: add your card, `);
  await page.getByRole("button", { name: "{firstname}" }).click();
  // An unknown code is refused before anything can be sent.
  await page.getByLabel("Body").fill("Hello {fristname}");
  await expect(page.getByText("Unknown merge code {fristname}")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Send to/ })).toBeDisabled();
  // The merge-code button alone: members get an "Add my card" button, not a long URL.
  await page.getByLabel("Body").fill("Hello {firstname},\n\nplease add your card before the next grading:\n\n");
  await page.getByRole("button", { name: "{stripecardlink}" }).click();
  await expect(page.getByLabel("Body")).toHaveValue("Hello {firstname},\n\nplease add your card before the next grading:\n\n{stripecardlink}");
  // The help says what each code becomes.
  await page.getByText("What each code becomes").click();
  await expect(page.getByTestId("merge-code-help")).toContainText("{stripecardlink}");
  await expect(page.getByTestId("merge-code-help")).toContainText("a button “Add my card”");

  await page.getByLabel("Members I pick").check();
  const picker = page.getByPlaceholder("Search by name, e-mail or UID").first();
  await picker.fill(memberUid());
  await page.getByRole("option").filter({ hasText: memberUid() }).click();
  await expect(page.getByTestId("recipient-count")).toHaveText("1 member will receive this e-mail");

  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const subject = page.getByTestId("preview-subject");
  await expect(subject).toContainText(`${tag}: add your card, `);
  const firstName = ((await subject.textContent()) ?? "").split(", ").pop()!.trim();
  expect(firstName).not.toBe("{firstname}");
  await expect(page.frameLocator('iframe[title="Mail preview"]').getByRole("link", { name: "Add my card" })).toBeVisible();
  const to = ((await page.getByText(/^To: /).textContent()) ?? "").replace(/^To: /, "").trim();
  await shot(page, "compose");
  await shot(page, "compose", 390);
  // Full-page captures leave frames outside the viewport blank: the phone preview in view.
  await page.locator('iframe[title="Mail preview"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/compose-preview-390.png` });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The plain-text part, as a text-only mail program shows it: the bare link.
  await page.getByRole("button", { name: "Plain text" }).click();
  await expect(page.getByTestId("preview-text")).toContainText(/Add my card http:\/\/\S+\/card\/\S+/);
  await page.getByRole("button", { name: "As shown" }).click();

  await page.getByRole("button", { name: "Send to 1 member" }).click();
  await page.getByRole("button", { name: "Send now" }).click();
  await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
  // The progress bar page polls until the worker has sent it.
  await expect(page.getByText("1 of 1 sent")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByRole("cell").getByText("Sent", { exact: true })).toBeVisible();
  await shot(page, "detail");
  await shot(page, "detail", 390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/campaigns");
  await expect(page.getByRole("link", { name: new RegExp(tag) }).first()).toBeVisible();
  await shot(page, "list");
  await shot(page, "list", 390);

  const inbox = (await (await request.get(`${EMULATOR}/_inbox.json?to=${encodeURIComponent(to)}`)).json()) as { data: InboxMail[] };
  const mails = inbox.data.filter((m) => m.subject.startsWith(tag));
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  expect(mail.subject).toBe(`${tag}: add your card, ${firstName}`);
  expect(mail.html).toContain(`Hello ${firstName},`);
  expect(mail.headers?.["List-Unsubscribe"]).toContain("/api/unsubscribe/");
  expect(mail.html).not.toMatch(/>\s*http[^<]*\/card\//);
  expect(mail.text).toMatch(/Add my card http:\/\/\S+\/card\/\S+/);

  // Open the mail in the inbox and click its "Add my card" button: that member's own card page opens.
  await page.goto(`${EMULATOR}/_inbox?to=${encodeURIComponent(to)}`);
  await page.getByRole("link", { name: new RegExp(tag) }).first().click();
  const htmlPart = page.frameLocator('iframe[title="HTML part"]');
  await expect(htmlPart.getByRole("link", { name: "Add my card" })).toBeVisible();
  await shot(page, "inbox");
  await shot(page, "inbox", 390);
  await page.setViewportSize({ width: 1280, height: 900 });
  const [cardPage] = await Promise.all([page.context().waitForEvent("page"), htmlPart.getByRole("link", { name: "Add my card" }).click()]);
  await page.close();
  page = cardPage;
  await expect(page.getByRole("heading", { name: `Hi ${firstName}` })).toBeVisible();
  await page.getByRole("button", { name: "Add card" }).click();
  const checkout = checkoutFrame(page);
  await fillCard(checkout, "4242 4242 4242 4242");
  await checkout.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText("Your card is saved.")).toBeVisible();
  // Staff see it on the member's Stripe section.
  await page.goto(`/members/${await memberIdOf(page, memberUid())}`);
  await expect(page.getByTestId("saved-card").first()).toContainText("•••• 4242");
});

test("the Pro plan has campaigns; a staff role does not see them", async ({ page }) => {
  await logIn(page, E2E.proOwner);
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
  await expect(page.getByText("No campaigns yet")).toBeVisible();
  await page.context().clearCookies();
  await logIn(page, E2E.staff);
  await expect(page.getByRole("link", { name: "Campaigns" })).toHaveCount(0);
  const res = await page.goto("/campaigns");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Only owners and managers can open the campaigns." })).toBeVisible();
});
