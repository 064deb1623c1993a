import { defineConfig } from "vitest/config";
import path from "node:path";

// Process-level fault tests (tests/faults): the production build on PostgreSQL, killed and
// restarted. Not part of `npm test`; `.ci/run` runs them after the build.
export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/support/empty.ts") },
  },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
