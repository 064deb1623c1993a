import { signedId, verifySignedId } from "@/lib/crypto";
import { env } from "@/lib/env";

// `<link id>.<HMAC-SHA256 of the id>` (lib/crypto.ts): the same link can be shown again (copy,
// campaigns) without storing a usable token, and any change to either half fails verification.
const PURPOSE = "card-link";

export function cardLinkToken(linkId: string): string {
  return signedId(PURPOSE, linkId);
}

/** The link id a token names when its signature is right; null for anything tampered. */
export function verifyCardLinkToken(token: string): string | null {
  return verifySignedId(PURPOSE, token);
}

export function cardLinkUrl(linkId: string): string {
  return `${env().APP_URL}/card/${cardLinkToken(linkId)}`;
}
