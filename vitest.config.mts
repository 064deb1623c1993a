import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

// .mts: Vite loads it as ESM, as it is written (no "CommonJS" warning), so no __dirname.
const root = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  "@": root,
  // server-only throws outside the react-server condition; tests import server modules directly.
  "server-only": path.join(root, "tests/support/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "emulator",
          include: ["emulator/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "app",
          include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "app/**/*.test.ts"],
          // Process-level faults need the build and restart PostgreSQL: vitest.faults.config.mts.
          // Contract tests run per target with their own setup: vitest.contract.config.mts.
          exclude: ["tests/faults/**", "tests/contract/**/*.contract.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/setup-db.ts"],
          // What next.config.ts's experimental.authInterrupts sets for forbidden() in the app.
          env: { __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
