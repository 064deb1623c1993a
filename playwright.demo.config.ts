import { defineConfig, devices } from "@playwright/test";
import { DEMO_APP_PORT, DEMO_DIR, DEMO_EMULATOR_PORT, DEMO_LOG } from "./e2e/demo/logins";

// `npm run test:demo`: the 3-D Secure journeys (e2e/demo) against the demo exactly as a user runs
// it — `npm run dev` on a fresh embedded database, the app on localhost, the emulator started by
// it (its pages on localhost, its API and Stripe.js on 127.0.0.1). PORT and EMULATOR_PORT are
// npm run dev's own variables; the defaults (3200, 12211) keep clear of a developer's demo (3000)
// and of the e2e run.
const appUrl = `http://localhost:${DEMO_APP_PORT}`;

export default defineConfig({
  testDir: "e2e/demo",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // `next dev` compiles each page and server action on first use: generous limits, no sleeps.
  timeout: 600_000,
  expect: { timeout: 60_000 },
  reportSlowTests: null,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report/demo" }]],
  use: {
    baseURL: appUrl,
    navigationTimeout: 120_000,
    actionTimeout: 60_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `rm -rf ${DEMO_DIR} && npm run dev 2>&1 | tee ${DEMO_LOG}`,
    // Answered once the emulator runs, the database is seeded and `next dev` has compiled the route.
    url: `${appUrl}/api/health`,
    env: { PORT: String(DEMO_APP_PORT), EMULATOR_PORT: String(DEMO_EMULATOR_PORT), PGLITE_DIR: `${DEMO_DIR}/pglite` },
    reuseExistingServer: false,
    timeout: 300_000,
  },
});
