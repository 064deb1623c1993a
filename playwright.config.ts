import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";
import { EMULATOR_PORT, emulatorPublicUrl, emulatorUrl } from "./e2e/support/emulator";

type WebServer = Extract<NonNullable<PlaywrightTestConfig["webServer"]>, unknown[]>[number];

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const appUrl = `http://127.0.0.1:${APP_PORT}`;
// E2E_ONLY_EMULATOR=1 runs the emulator's own specs (e2e/emulator) without building the app.
const onlyEmulator = !!process.env.E2E_ONLY_EMULATOR;

const servers: WebServer[] = [
  {
    command: "npm run start --workspace @tatami/stripe-emulator",
    url: `${emulatorUrl}/_health`,
    // Demo mode: the app registers its webhook endpoints on 127.0.0.1.
    env: { EMULATOR_PORT: String(EMULATOR_PORT), EMULATOR_PUBLIC_URL: emulatorPublicUrl, EMULATOR_DEMO: "1" },
    reuseExistingServer: false,
    timeout: 300_000,
  },
  {
    // The production build (`next build` must have run) on a fresh, seeded embedded database.
    command: `rm -rf .data/e2e-pglite && npx tsx --conditions=react-server e2e/support/seed.ts && npx tsx scripts/start.ts -p ${APP_PORT} -H 127.0.0.1`,
    url: `${appUrl}/api/health`,
    env: {
      APP_URL: appUrl,
      PGLITE_DIR: ".data/e2e-pglite",
      STRIPE_API_BASE: emulatorUrl,
      STRIPE_JS_URL: `${emulatorUrl}/v3`,
      EMULATOR_PUBLIC_URL: emulatorPublicUrl,
      RESEND_BASE_URL: `${emulatorUrl}/resend`,
      RESEND_API_KEY: "re_test_e2e",
      PLATFORM_STRIPE_SECRET_KEY: "sk_test_platform_e2e",
      PLATFORM_STRIPE_PUBLISHABLE_KEY: "pk_test_platform_e2e",
      AUTH_SECRET: "e2e-auth-secret-not-for-production-000000",
      ENCRYPTION_KEY: "ZTJlLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzLWxvbmc=",
    },
    reuseExistingServer: false,
    // Seeding and starting on a busy 2-core machine can take minutes; the tests wait for the health check, not a fixed time.
    timeout: 600_000,
  },
];

export default defineConfig({
  testDir: onlyEmulator ? "e2e/emulator" : "e2e",
  // The run against `npm run dev` has its own configuration (playwright.demo.config.ts).
  testIgnore: ["demo/**"],
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Journeys of many steps on a busy 2-core machine; each step still waits for a state, never a fixed time.
  timeout: 180_000,
  // A state a step waits for (a dialog closing after an argon2id hash, a webhook booked) can take
  // longer than Playwright's 5 s default when the machine is busy; it is still a wait for a state.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: onlyEmulator ? emulatorUrl : appUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: onlyEmulator ? servers.slice(0, 1) : servers,
});
