import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

// Zero-configuration secrets for local development: generated once, kept in .data/ (ignored
// by git). Production sets AUTH_SECRET and ENCRYPTION_KEY in the environment instead.
export function ensureLocalSecrets(): { AUTH_SECRET: string; ENCRYPTION_KEY: string } {
  const file = path.join(process.cwd(), ".data", "local-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  mkdirSync(path.dirname(file), { recursive: true });
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url"), ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
