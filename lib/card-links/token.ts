import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import { safeEqual } from "@/lib/crypto";
import { idSchema } from "@/lib/validation/common";

// `<link id>.<HMAC-SHA256 of the id>`: the same link can be shown again (copy, campaigns)
// without storing a usable token, and any change to either half fails verification.
function signature(linkId: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`card-link:${linkId}`).digest("base64url");
}

export function cardLinkToken(linkId: string): string {
  return `${linkId}.${signature(linkId)}`;
}

/** The link id a token names when its signature is right; null for anything tampered. */
export function verifyCardLinkToken(token: string): string | null {
  const [linkId, sig, ...rest] = token.split(".");
  if (rest.length || !linkId || !sig || !idSchema.safeParse(linkId).success) return null;
  return safeEqual(sig, signature(linkId)) ? linkId : null;
}

export function cardLinkUrl(linkId: string): string {
  return `${env().APP_URL}/card/${cardLinkToken(linkId)}`;
}
