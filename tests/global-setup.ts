import type { TestProject } from "vitest/node";
import { startEmulator } from "@tatami/stripe-emulator";

// One emulator for the whole run; each test file gets its own database (tests/support/setup-db.ts).
export default async function setup(project: TestProject) {
  // Demo mode: the app under test registers webhook endpoints on localhost.
  const emulator = await startEmulator({ port: 0, demo: true });
  process.env.STRIPE_API_BASE = emulator.url;
  process.env.STRIPE_JS_URL = `${emulator.url}/v3`;
  process.env.RESEND_BASE_URL = `${emulator.url}/resend`;
  process.env.RESEND_API_KEY ??= "re_test_vitest";
  process.env.PLATFORM_STRIPE_SECRET_KEY ??= "sk_test_platform_vitest";
  process.env.PLATFORM_STRIPE_PUBLISHABLE_KEY ??= "pk_test_platform_vitest";
  process.env.PLATFORM_STRIPE_WEBHOOK_SECRET ??= "whsec_platform_vitest";
  project.provide("emulatorUrl", emulator.url);
  return async () => {
    await emulator.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
  }
}
