import { expect, test, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { emulatorUrl, inboxOf } from "./support/emulator";
import { memberLogIn, NEW_CARD_BUTTON } from "./support/member";
import { screenshots } from "./support/screenshots";
import { checkoutFrame, ensureStripeConnected, issueInvoice, logIn, memberIdOf, memberUid } from "./support/staff";

// Issue 20, journey 3: a member pays an open invoice with SEPA Direct Debit in the members area;
// the debit is pending (nothing booked), then the payer's bank refuses it: the invoice is open
// again, the ledger unchanged, and the member and the owner are mailed. Stripe's failing test IBAN
// (https://docs.stripe.com/testing#sepa-direct-debit) settles at the emulator's control call.
const SHOTS = "test-results/sepa-failure";
const FAILING_IBAN = "AT861904300235473202";
const DISPUTED_IBAN = "AT591904300235473203";
const { shot, shots } = screenshots(SHOTS);

test.describe.configure({ mode: "serial" });

async function setSepa(page: Page, on: boolean) {
  await page.goto("/settings/stripe");
  const sepa = page.getByRole("checkbox", { name: "SEPA Direct Debit" });
  if ((await sepa.isChecked()) === on) return;
  await sepa.setChecked(on);
  await page.getByRole("button", { name: "Save payment methods" }).click();
  await expect(page.getByText("Payment methods saved", { exact: true })).toBeVisible();
}

async function settleDebits() {
  const settled = await fetch(`${emulatorUrl}/_control/debits/settle`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: E2E_STRIPE_KEY }) });
  expect(((await settled.json()) as { settled: string[] }).settled.length).toBeGreaterThan(0);
}

/** The ledger's entries that name the invoice (its payment's revenue entry is "Invoice <number> · <member>"). */
async function ledgerEntriesFor(page: Page, number: string) {
  await page.goto("/ledger");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page.locator("main").getByText(new RegExp(`Invoice ${number}\\b`)).count();
}

test("a member's SEPA debit is pending, then fails: the invoice is open again, nothing is booked, member and owner are told", async ({ page, browser }) => {
  await logIn(page, E2E.owner);
  await ensureStripeConnected(page, E2E_STRIPE_KEY);
  await setSepa(page, true);
  try {
    const invoice = await issueInvoice(page, memberUid(), "E2E SEPA debit", "37.00");
    const memberId = await memberIdOf(page, memberUid());
    await page.goto(`/members/${memberId}`);
    const memberEmail = (await page.locator('main a[href^="mailto:"]').first().textContent())!.trim();
    expect(await ledgerEntriesFor(page, invoice.number)).toBe(0);

    // The member pays in the members area with SEPA Direct Debit.
    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await memberLogIn(member, { uid: memberUid(), password: E2E.memberPassword });
    const portalUrl = invoice.url.replace(/\/invoices\//, "/portal/invoices/");
    await member.goto(portalUrl);
    await member.getByRole("button", { name: NEW_CARD_BUTTON }).click();
    const checkout = checkoutFrame(member);
    await expect(checkout.getByTestId("checkout-total")).toHaveText("€37.00");
    await checkout.getByRole("radio", { name: "SEPA Direct Debit" }).check();
    await checkout.getByLabel("IBAN (SEPA Direct Debit)").fill(FAILING_IBAN);
    await checkout.getByRole("button", { name: "Pay" }).click();

    // Pending: the invoice says so, offers no second payment, and nothing is booked.
    await expect(member.getByText(/^Payment pending \(SEPA\)/).first()).toBeVisible();
    await member.reload();
    await expect(member.getByTestId("payment-pending")).toBeVisible();
    await expect(member.getByRole("button", { name: NEW_CARD_BUTTON })).toHaveCount(0);
    await shots(member, "member-invoice-pending");
    await page.goto(invoice.url);
    await expect(page.getByTestId("payment-pending")).toBeVisible();
    await shot(page, "staff-invoice-pending");
    expect(await ledgerEntriesFor(page, invoice.number)).toBe(0);

    // The bank answers: the debit fails.
    await settleDebits();

    // The webhook reopens the invoice: payable again, no pending notice, nothing booked.
    await expect(async () => {
      await member.reload();
      await expect(member.getByRole("button", { name: NEW_CARD_BUTTON })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(member.getByTestId("payment-pending")).toHaveCount(0);
    await expect(member.getByText("Still to pay").first()).toBeVisible();
    await shots(member, "member-invoice-open-again");
    await memberContext.close();

    await page.goto(invoice.url);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Open");
    await expect(page.getByTestId("payment-pending")).toHaveCount(0);
    await shot(page, "staff-invoice-open-again");
    expect(await ledgerEntriesFor(page, invoice.number)).toBe(0);

    // Both are told by mail (sent by the job worker after the webhook's commit).
    await expect.poll(async () => (await inboxOf(memberEmail)).map((m) => m.subject), { timeout: 60_000 }).toContain("Your payment of €37.00 did not go through");
    await expect.poll(async () => (await inboxOf(E2E.owner.email)).map((m) => m.subject).filter((s) => s.startsWith("SEPA Direct Debit payment failed: €37.00")).length, { timeout: 60_000 }).toBe(1);
    const memberMail = (await inboxOf(memberEmail)).find((m) => m.subject === "Your payment of €37.00 did not go through")!;
    expect(memberMail.text).toContain(`invoice ${invoice.number}`);
    expect(memberMail.text).toContain(portalUrl.replace(/^https?:\/\/[^/]+/, ""));
  } finally {
    // Other journeys of the Demo Dojo expect cards only.
    await setSepa(page, false);
  }
});

test("a member's SEPA debit succeeds and is then returned by the bank: booked, booked back, the invoice open again and marked", async ({ page, browser }) => {
  await logIn(page, E2E.owner);
  await ensureStripeConnected(page, E2E_STRIPE_KEY);
  await setSepa(page, true);
  try {
    const invoice = await issueInvoice(page, memberUid(), "E2E SEPA returned", "29.00");
    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await memberLogIn(member, { uid: memberUid(), password: E2E.memberPassword });
    await member.goto(invoice.url.replace(/\/invoices\//, "/portal/invoices/"));
    await member.getByRole("button", { name: NEW_CARD_BUTTON }).click();
    const checkout = checkoutFrame(member);
    await checkout.getByRole("radio", { name: "SEPA Direct Debit" }).check();
    await checkout.getByLabel("IBAN (SEPA Direct Debit)").fill(DISPUTED_IBAN);
    await checkout.getByRole("button", { name: "Pay" }).click();
    await expect(member.getByText(/^Payment pending \(SEPA\)/).first()).toBeVisible();

    // The debit succeeds, then the payer's bank takes it back (a lost dispute).
    await settleDebits();
    await expect(async () => {
      await member.reload();
      await expect(member.getByTestId("payment-disputed")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(member.getByRole("button", { name: NEW_CARD_BUTTON })).toBeVisible();
    await shots(member, "member-invoice-returned");
    await memberContext.close();

    await page.goto(invoice.url);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Open");
    await expect(page.getByTestId("disputed-payment-notice")).toContainText("The payment of €29.00 was disputed and returned to the payer");
    await shot(page, "staff-invoice-returned");
    // Booked once and booked back once: two entries that cancel out.
    await page.goto("/ledger");
    const entries = page.locator("main").getByText(new RegExp(`^(Invoice ${invoice.number} · |Payment of invoice ${invoice.number} disputed)`)).filter({ visible: true });
    await expect(entries).toHaveCount(2);
    await shot(page, "ledger-returned");
    await expect.poll(async () => (await inboxOf(E2E.owner.email)).map((m) => m.subject).filter((s) => s.startsWith("Payment disputed: €29.00")).length, { timeout: 60_000 }).toBe(1);
  } finally {
    await setSepa(page, false);
  }
});
