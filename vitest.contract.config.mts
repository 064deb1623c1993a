import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

// `npm run test:contract`: every Stripe operation the app performs, through the app's own lib
// functions, against two targets: the emulator (always) and a real Stripe account in test mode
// (only with STRIPE_CONTRACT_SECRET_KEY and STRIPE_CONTRACT_PUBLISHABLE_KEY; otherwise its tests
// are reported as skipped, "not run"). See "Stripe contract suite" in README.md.
const root = path.dirname(fileURLToPath(import.meta.url));
const alias = { "@": root, "server-only": path.join(root, "tests/support/empty.ts") };
const CONTRACTS = "tests/contract/**/*.contract.test.ts";
const setupFiles = ["tests/contract/support/setup.ts", "tests/support/setup-db.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ["tests/contract/support/global-setup.ts"],
    // Every test by name: the real-Stripe half says "not run" and why, browser-only steps too.
    reporters: ["verbose"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "contract: emulator",
          include: [CONTRACTS, "tests/contract/operation-coverage.test.ts"],
          environment: "node",
          env: { CONTRACT_TARGET: "emulator" },
          setupFiles,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "contract: real Stripe",
          include: [CONTRACTS],
          environment: "node",
          env: { CONTRACT_TARGET: "stripe" },
          setupFiles,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
