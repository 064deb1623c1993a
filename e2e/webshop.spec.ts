import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E, E2E_STRIPE_KEY } from "./support/accounts";
import { ensureStripeConnected as connect, logIn as logInAs } from "./support/staff";
import { emulatorPublicUrl, emulatorUrl as EMULATOR } from "./support/emulator";
import { productPicture } from "./support/product-picture";
import { PHONE, screenshots } from "./support/screenshots";

// The Demo Dojo's webshop (seeded open) against the emulator: staff set it up, visitors buy.
const SHOTS = "test-results/webshop";
const SECRET_KEY = E2E_STRIPE_KEY;
const SHOP = "/shop/demo-dojo";
const { shot } = screenshots(SHOTS, { backToDesktop: true });


/** Saves the shop settings form and waits for the server's answer (a toast may still show from before). */
async function saveSettings(page: Page) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/webshop/settings"));
  await page.getByRole("button", { name: "Save settings" }).click();
  await answered;
  await expect(page.getByText("Shop settings saved", { exact: true }).first()).toBeVisible();
}

async function addProduct(page: Page, p: { name: string; price: string; stock: string; category: string; picture: Buffer }) {
  await page.goto("/webshop/products/new");
  await page.getByLabel("Name").fill(p.name);
  await page.getByLabel(/^Price/).fill(p.price);
  await page.getByLabel("In stock").fill(p.stock);
  await page.getByLabel("Category").fill(p.category);
  await page.getByLabel("Picture", { exact: true }).setInputFiles({ name: `${p.name}.png`, mimeType: "image/png", buffer: p.picture });
  await page.getByRole("button", { name: "Add product" }).click();
  await page.waitForURL(/\/webshop\/products\/[0-9a-f-]{36}$/);
}

async function stockShown(page: Page, name: string): Promise<string> {
  await page.goto(`/webshop/products?q=${encodeURIComponent(name)}`);
  const row = page.locator("tr", { hasText: name });
  return (await row.locator("td").last().innerText()).trim();
}

/** A visitor (no login) fills the cart with what `buy` says and checks out by card. */
async function checkoutByCard(browser: Browser, buy: { name: string; quantity: number }[], email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const item of buy) {
    await page.goto(SHOP);
    await page.getByRole("link", { name: item.name }).first().click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    for (let i = 1; i < item.quantity; i++) await page.getByRole("button", { name: "One more" }).click();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Added to your cart.")).toBeVisible();
  }
  await page.goto(`${SHOP}/checkout`);
  await page.getByLabel("Name").fill("Bea Buyer");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Phone").fill("+386 40 111 222");
  await page.getByLabel(/Pay with credit card/).check();
  return { context, page };
}

async function pay(page: Page, card: string) {
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.waitForURL(`${emulatorPublicUrl}/c/pay/**`);
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Cardholder name").fill("Bea Buyer");
  await page.getByRole("button", { name: "Pay" }).click();
}

async function inbox(address: string): Promise<{ subject: string; text: string }[]> {
  const res = await fetch(`${EMULATOR}/_inbox.json?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { data: { subject: string; text: string }[] }).data;
}

test.describe.configure({ mode: "serial" });

test("staff set up the shop: card payments on, two products with pictures", async ({ page }) => {
  await logInAs(page, E2E.owner);
  await connect(page, SECRET_KEY);
  await page.goto("/webshop/settings");
  await page.getByLabel(/Pay with credit card/).check();
  // Already on when another run got here first (the button stays disabled without changes).
  if (await page.getByRole("button", { name: "Save settings" }).isEnabled()) {
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Shop settings saved", { exact: true })).toBeVisible();
  }
  await page.reload();
  await expect(page.getByLabel(/Pay with credit card/)).toBeChecked();
  await shot(page, "staff-settings");
  await shot(page, "staff-settings", PHONE);

  await addProduct(page, { name: "Competition gi", price: "45.00", stock: "5", category: "Clothing", picture: await productPicture("GI", "#24664f") });
  await addProduct(page, { name: "Sparring belt", price: "12.50", stock: "4", category: "Belts", picture: await productPicture("BELT", "#b45309") });
  await shot(page, "staff-product-edit");
  // A file that is not a picture is refused next to the field.
  await page.getByLabel("Picture", { exact: true }).setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Use a PNG, JPEG or WebP picture." })).toBeVisible();

  await page.goto("/webshop/products");
  await expect(page.getByRole("link", { name: "Competition gi" }).first()).toBeVisible();
  await shot(page, "staff-products");
  await shot(page, "staff-products", PHONE);
});

test("a visitor buys two products with 4242: order paid, invoice paid, ledger entry, stock down, mail", async ({ browser, page }) => {
  const email = `buyer-${Date.now()}@example.test`;
  const visitor = await browser.newPage();
  await visitor.goto(SHOP);
  await expect(visitor.getByRole("heading", { name: "Demo Dojo shop" })).toBeVisible();
  await expect(visitor.locator("li", { hasText: "Boxing gloves" }).getByRole("button", { name: "Sold out" })).toBeDisabled();
  await shot(visitor, "shop-grid");
  await shot(visitor, "shop-grid", PHONE);
  await visitor.getByRole("link", { name: "Competition gi" }).first().click();
  await visitor.waitForURL(/\/products\/[0-9a-f-]{36}$/);
  await shot(visitor, "shop-product");
  await shot(visitor, "shop-product", PHONE);
  await visitor.close();

  const { context, page: buyer } = await checkoutByCard(browser, [{ name: "Competition gi", quantity: 2 }, { name: "Sparring belt", quantity: 1 }], email);
  await buyer.goto(`${SHOP}/cart`);
  await expect(buyer.getByText("€102.50")).toBeVisible();
  await shot(buyer, "shop-cart");
  await shot(buyer, "shop-cart", PHONE);
  await buyer.goto(`${SHOP}/checkout`);
  await buyer.getByLabel("Name").fill("Bea Buyer");
  await buyer.getByLabel("E-mail").fill(email);
  await buyer.getByLabel("Phone").fill("+386 40 111 222");
  await buyer.getByLabel(/Pay with credit card/).check();
  await shot(buyer, "shop-checkout");
  await shot(buyer, "shop-checkout", PHONE);
  await pay(buyer, "4242424242424242");
  await buyer.waitForURL(/\/shop\/demo-dojo\/orders\/[0-9a-f-]{36}/);
  await expect(buyer.getByTestId("order-heading")).toHaveText("Thank you! Your order is paid.");
  await shot(buyer, "shop-order-paid", PHONE);
  const orderId = /orders\/([0-9a-f-]{36})/.exec(buyer.url())![1];
  // The cart is empty again.
  await expect(buyer.getByRole("link", { name: /^Cart$/ })).toBeVisible();
  await context.close();

  await logInAs(page, E2E.owner);
  await page.goto(`/webshop/orders/${orderId}`);
  await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
  await shot(page, "staff-order");
  await shot(page, "staff-order", PHONE);
  const invoiceLink = page.getByRole("link", { name: /\d{4}-\d{4} \(paid\)/ });
  const invoiceNumber = /(\d{4}-\d{4})/.exec((await invoiceLink.textContent()) ?? "")![1];
  await invoiceLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(invoiceNumber);
  await expect(page.getByText("Paid").first()).toBeVisible();
  await page.goto("/ledger");
  await expect(page.getByText(`Invoice ${invoiceNumber}`).first()).toBeVisible();
  expect(await stockShown(page, "Competition gi")).toBe("3");
  expect(await stockShown(page, "Sparring belt")).toBe("3");
  await page.goto("/webshop/orders");
  await shot(page, "staff-orders");
  await shot(page, "staff-orders", PHONE);

  await expect.poll(async () => (await inbox(email)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Order #\d+ paid: €102\.50$/)]);
});

test("a 3-D Secure card pays after the challenge", async ({ browser, page }) => {
  const email = `buyer-3ds-${Date.now()}@example.test`;
  const { context, page: buyer } = await checkoutByCard(browser, [{ name: "Sparring belt", quantity: 1 }], email);
  await pay(buyer, "4000002500003155");
  await buyer.getByRole("button", { name: "Complete" }).click();
  await buyer.waitForURL(/\/shop\/demo-dojo\/orders\/[0-9a-f-]{36}/);
  await expect(buyer.getByTestId("order-heading")).toHaveText("Thank you! Your order is paid.");
  await context.close();
  await logInAs(page, E2E.owner);
  expect(await stockShown(page, "Sparring belt")).toBe("2");
  await expect.poll(async () => (await inbox(email)).length).toBe(1);
});

test("a declined card leaves the order unpaid and the stock untouched", async ({ browser, page }) => {
  const email = `buyer-declined-${Date.now()}@example.test`;
  const { context, page: buyer } = await checkoutByCard(browser, [{ name: "Competition gi", quantity: 1 }], email);
  await pay(buyer, "4000000000009995");
  await expect(buyer.getByTestId("checkout-error")).toContainText("insufficient funds");
  await buyer.getByRole("link", { name: "← Back" }).click();
  await buyer.waitForURL(/\/shop\/demo-dojo\/orders\/[0-9a-f-]{36}/);
  await expect(buyer.getByTestId("order-heading")).toHaveText("Your payment is not complete.");
  await expect(buyer.getByRole("link", { name: "Try the payment again" })).toBeVisible();
  await shot(buyer, "shop-order-unpaid", PHONE);
  const orderId = /orders\/([0-9a-f-]{36})/.exec(buyer.url())![1];
  await context.close();

  await logInAs(page, E2E.owner);
  expect(await stockShown(page, "Competition gi")).toBe("3");
  await page.goto(`/webshop/orders/${orderId}`);
  await expect(page.getByText("Pending", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /\(paid\)/ })).toHaveCount(0);
  expect(await inbox(email)).toHaveLength(0);
});

test("without card payments the option is absent; a closed shop answers 404", async ({ browser, page }) => {
  await logInAs(page, E2E.owner);
  await page.goto("/webshop/settings");
  await page.getByLabel(/Pay with credit card/).uncheck();
  await saveSettings(page);

  const visitor = await browser.newPage();
  await visitor.goto(SHOP);
  await visitor.locator("li", { hasText: "Sparring belt" }).getByRole("button", { name: "Add to cart" }).click();
  await visitor.goto(`${SHOP}/checkout`);
  await expect(visitor.getByText("Pay at the dojo")).toBeVisible();
  await expect(visitor.getByText("Pay with credit card")).toHaveCount(0);

  await page.getByLabel("Shop is open").uncheck();
  await saveSettings(page);
  const response = await visitor.goto(SHOP);
  expect(response?.status()).toBe(404);
  expect((await visitor.goto(`${SHOP}/cart`))?.status()).toBe(404);

  // Open again, card payments back on, for whoever runs next.
  await page.getByLabel("Shop is open").check();
  await page.getByLabel(/Pay with credit card/).check();
  await saveSettings(page);
  expect((await visitor.goto(SHOP))?.status()).toBe(200);
  await visitor.close();
});

test("pay at the dojo: the order is held, staff confirm it (which issues the invoice) from the orders list", async ({ browser, page }) => {
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(SHOP);
  await visitor.locator("li", { hasText: "Sparring belt" }).getByRole("button", { name: "Add to cart" }).click();
  await visitor.goto(`${SHOP}/checkout`);
  await visitor.getByLabel("Name").fill("Dana Desk");
  await visitor.getByLabel("E-mail").fill(`buyer-desk-${Date.now()}@example.test`);
  await visitor.getByLabel("Phone").fill("+386 40 333 444");
  await visitor.getByLabel(/Pay at the dojo/).check();
  await visitor.getByRole("button", { name: /Place order/ }).click();
  await visitor.waitForURL(/\/shop\/demo-dojo\/orders\/[0-9a-f-]{36}/);
  await expect(visitor.getByTestId("order-heading")).toHaveText("Thank you! Your order is placed.");
  await expect(visitor.getByText(/The dojo will confirm it and holds your items until/)).toBeVisible();
  await shot(visitor, "shop-order-at-dojo");
  await shot(visitor, "shop-order-at-dojo", PHONE);
  const orderPath = `/webshop/orders/${/orders\/([0-9a-f-]{36})/.exec(visitor.url())![1]}`;
  await visitor.close();

  await logInAs(page, E2E.owner);
  await page.goto("/webshop/orders");
  const row = page.getByRole("list", { name: "Orders to confirm" }).getByRole("listitem").filter({ hasText: "Dana Desk" });
  await expect(row).toContainText("held until");
  await shot(page, "staff-orders-to-confirm");
  await shot(page, "staff-orders-to-confirm", PHONE);
  await page.goto(orderPath);
  await expect(page.getByText("Issued when you confirm the order")).toBeVisible();
  await shot(page, "staff-order-to-confirm");
  await shot(page, "staff-order-to-confirm", PHONE);
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Confirm order" }).click();
  await expect(page.getByRole("link", { name: /^\d{4}-\d{4} \(open\)$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark fulfilled" })).toBeVisible();
});
