import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
  return out;
}

/** Stripe-style ids (`cus_…`, `pi_…`, `cs_test_…`); 24 random characters make clashes practically impossible. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}

export function clientSecretFor(id: string): string {
  return `${id}_secret_${randomToken(24)}`;
}

/** Client secrets are `<object id>_secret_<random>`; Stripe.js stand-ins derive the object from them. */
export function idFromClientSecret(secret: string): string | null {
  const at = secret.indexOf("_secret_");
  return at > 0 ? secret.slice(0, at) : null;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
