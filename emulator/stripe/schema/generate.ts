import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { allRoutes } from "../routes";
import { deriveSchema, formatSchema } from "./derive";

/**
 * `npm run emulator:schema`: writes params.generated.json, the parameter schema of every endpoint
 * the emulator routes, derived from the installed `stripe` package. Run it after upgrading `stripe`;
 * schema.test.ts fails while the committed file differs from what the package gives.
 */
export const schemaFile = fileURLToPath(new URL("./params.generated.json", import.meta.url));

export function generate(): string {
  return formatSchema(deriveSchema(allRoutes().map((r) => ({ method: r.method, path: r.pattern }))));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaFile, generate());
  console.log(`wrote ${schemaFile}`);
}
