import argon2 from "argon2";
import { inArgon2Pool } from "./argon2-pool";

// argon2id with the library's defaults (64 MiB, 3 passes), which meet OWASP's guidance. Every
// run goes through the bounded pool (lib/auth/argon2-pool.ts).
export function hashPassword(password: string): Promise<string> {
  return inArgon2Pool("hash", () => argon2.hash(password, { type: argon2.argon2id }));
}

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same time when there is no account, so timing does not reveal which exist.
    await inArgon2Pool("verify", () => argon2.hash(password, { type: argon2.argon2id }));
    return false;
  }
  try {
    return await inArgon2Pool("verify", () => argon2.verify(hash, password));
  } catch {
    return false;
  }
}
