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

// `<id>.<HMAC-SHA256 of purpose and id>`: a link to a record that can be made again whenever it is
// shown or mailed, without storing a usable token; any change to either half fails verification.
function idSignature(purpose: string, id: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`${purpose}:${id}`).digest("base64url");
}

export function signedId(purpose: string, id: string): string {
  return `${id}.${idSignature(purpose, id)}`;
}

/** The id a token names when its signature is right for that purpose; null for anything tampered. */
export function verifySignedId(purpose: string, token: string): string | null {
  const [id, sig, ...rest] = token.split(".");
  if (rest.length || !id || !sig || !idSchema.safeParse(id).success) return null;
  return safeEqual(sig, idSignature(purpose, id)) ? id : null;
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
