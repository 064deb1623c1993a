import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { idSchema } from "@/lib/validation/common";

/** An unguessable token for links (invitations, card links): 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored hashed, so a database leak does not leak working links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// Every signed link (card links, unsubscribe, portal invitations, sign-up confirmation) is
// `<part>.<part>….<HMAC-SHA256>`: the parts are readable, the HMAC covers the purpose, the parts and
// any `bound` values that are not in the link (a password hash, a session version), so a link can
// be made again whenever it is shown or mailed without storing a usable token, and stops working
// once a bound value changes. Any change to a part or the signature fails verification.
function signature(purpose: string, parts: readonly string[], bound: readonly string[]): string {
  return createHmac("sha256", env().AUTH_SECRET)
    .update(`${purpose}:${[...parts, ...bound].join(".")}`)
    .digest("base64url");
}

export function signToken(purpose: string, parts: readonly string[], bound: readonly string[] = []): string {
  if (parts.some((part) => !part || part.includes("."))) throw new Error("A signed token part must be non-empty and hold no dot");
  return [...parts, signature(purpose, parts, bound)].join(".");
}

/** The parts of a token of that many parts, unverified: to look up the values its signature binds. */
export function tokenParts(token: string, count: number): string[] | null {
  const pieces = token.split(".");
  if (pieces.length !== count + 1 || pieces.some((piece) => !piece)) return null;
  return pieces.slice(0, count);
}

/** The token's parts when its signature is right for that purpose and bound values; null otherwise. */
export function verifyToken(purpose: string, token: string, count: number, bound: readonly string[] = []): string[] | null {
  const parts = tokenParts(token, count);
  if (!parts) return null;
  return safeEqual(token.split(".")[count], signature(purpose, parts, bound)) ? parts : null;
}

/** `<id>.<signature>`: a link naming one record. */
export function signedId(purpose: string, id: string): string {
  return signToken(purpose, [id]);
}

/** The id a token names when its signature is right for that purpose; null for anything tampered. */
export function verifySignedId(purpose: string, token: string): string | null {
  const id = tokenParts(token, 1)?.[0];
  if (!id || !idSchema.safeParse(id).success) return null;
  return verifyToken(purpose, token, 1) ? id : null;
}

// AES-256-GCM for secrets at rest: "v1.<iv>.<tag>.<ciphertext>", all base64url.
export function encryptSecret(plaintext: string): string {
  const key = Buffer.from(env().ENCRYPTION_KEY, "base64");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unrecognised encrypted value");
  const key = Buffer.from(env().ENCRYPTION_KEY, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
