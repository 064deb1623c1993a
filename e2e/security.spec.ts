import { expect, test, type Page, type Request, type Route } from "@playwright/test";
import { E2E } from "./support/accounts";
import { logIn } from "./support/staff";

// Attacks from the outside, against the production build: headers, a forged middleware
// sub-request, a server action posted from a foreign origin or with an oversized body, and
// script in text fields.


test("every page carries a Content-Security-Policy and the usual security headers", async ({ request }) => {
  for (const path of ["/", "/login", "/signup", "/portal/login", "/dashboard", "/api/health"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("a forged x-middleware-subrequest header does not open a staff page", async ({ request }) => {
  for (const path of ["/dashboard", "/members", "/ledger", "/settings/stripe"]) {
    const response = await request.get(path, { maxRedirects: 0, headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toContain("/login");
  }
});

/**
 * Logs in through the real form, with the login POST rewritten on its way to the server;
 * returns the status the server answered it with. Afterwards the browser must hold no session.
 */
async function logInTampered(page: Page, tamper: (request: Request) => Parameters<Route["fetch"]>[0]) {
  let status = 0;
  await page.route("**/login", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch(tamper(route.request()));
    status = response.status();
    await route.fulfill({ response });
  });
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(E2E.owner.email);
  await page.getByLabel("Password").fill(E2E.owner.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect.poll(() => status).toBeGreaterThanOrEqual(400);
  await page.unroute("**/login");
  expect((await page.context().cookies()).find((c) => c.name.includes("session-token"))).toBeUndefined();
}

test("a server action posted from a foreign origin does not log in", async ({ page }) => {
  // The browser's own login request, replayed with another site's Origin (a CSRF attempt).
  await logInTampered(page, (request) => ({ headers: { ...request.headers(), origin: "https://evil.example" } }));
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a server action with a body over the limit is refused", async ({ page }) => {
  await logInTampered(page, (request) => ({ postData: `${request.postData() ?? ""}${"x".repeat(2 * 1024 * 1024)}` }));
});

test("script typed into text fields is shown as text and never runs", async ({ page }) => {
  const payload = `<img src=x onerror="window.__xss=1">`;
  await logIn(page, E2E.owner);
  await page.goto("/members/new");
  await page.getByLabel("First name").fill(payload);
  await page.getByLabel("Last name").fill(`<script>window.__xss=2</script>`);
  await page.getByLabel("Notes").fill(payload);
  await page.getByRole("button", { name: /Add member|Save/ }).click();
  await expect(page).toHaveURL(/\/members\/[0-9a-f-]{36}/);
  await expect(page.getByText(payload).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.goto(`/members?q=${encodeURIComponent("<img")}`);
  await expect(page.getByText(payload).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
