import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

// The layers, by top-level folder. Pages and routes (app) use the domain (lib), shared UI
// (components), the schema (db) and mail templates (emails); the domain never reaches up into
// UI or routes; the schema knows nothing of the domain but its configuration (lib/env.ts). The
// emulator is a package of its own for tests and the demo: no product code imports it.
const PRODUCT = ["app", "components", "lib", "db", "emails"];
const NEXT_ENTRIES = ["proxy.ts", "instrumentation.ts"];
const layer = (type) => ({ type, pattern: type, partialMatch: false });
const allow = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } } } });

const boundaryRules = {
  files: ["**/*.{ts,tsx,mts,mjs}"],
  plugins: { boundaries },
  settings: {
    "import/resolver": { typescript: { alwaysTryTypes: true }, node: true },
    "boundaries/elements": [
      ...PRODUCT.map(layer),
      layer("emulator"),
      // Tooling around the product: may use all of it, and the emulator.
      { type: "tooling", pattern: ["tests", "e2e", "bench", "scripts"], partialMatch: false },
    ],
    "boundaries/files": [
      { category: "test", pattern: "**/*.test.ts" },
      { category: "next-entry", pattern: NEXT_ENTRIES },
    ],
  },
  rules: {
    "boundaries/dependencies": [
      "error",
      {
        default: "disallow",
        // Packages too, so that the emulator is refused by its package name as well.
        checkAllOrigins: true,
        policies: [
          { allow: { to: { module: { origin: ["external", "core"] } } } },
          allow("app", ["app", "lib", "components", "db", "emails"]),
          allow("components", ["components", "lib", "db"]),
          allow("lib", ["lib", "db", "emails"]),
          allow("db", ["db"]),
          { from: { element: { type: "db" } }, allow: { to: { element: { type: "lib" }, file: { path: "lib/env.ts" } } } },
          allow("emails", ["emails"]),
          allow("emulator", ["emulator"]),
          // Stripe refuses webhook URLs on private hosts; the emulator and the app's pre-check share that one rule.
          { from: { element: { type: "emulator" } }, allow: { to: { element: { type: "lib" }, file: { path: "lib/private-host.ts" } } } },
          { from: { element: { type: "tooling" } }, allow: { to: { element: { isUnknown: false } } } },
          // Tests next to the code they test may use test support and the emulator like tests/.
          { from: { file: { categories: "test" } }, allow: { to: { element: { types: { anyOf: ["tooling", "emulator"] } } } } },
          // Next's own entry points at the root run with the app.
          { from: { file: { categories: "next-entry" } }, allow: { to: { element: { types: { anyOf: PRODUCT } } } } },
          { from: [{ element: { types: { anyOf: PRODUCT } } }, { file: { categories: "next-entry" } }], disallow: { to: { module: { source: "@tatami/stripe-emulator" } } } },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  boundaryRules,
]);
