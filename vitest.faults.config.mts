import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

// Process-level fault tests (tests/faults): the production build on PostgreSQL, killed and
// restarted. Not part of `npm test`; `.ci/run` runs them after the build.
export default defineConfig({
  resolve: {
    alias: { "@": root, "server-only": path.join(root, "tests/support/empty.ts") },
  },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
