import { signedId, verifySignedId } from "@/lib/crypto";
import { env } from "@/lib/env";

// `<request id>.<HMAC>`: made when the mail is composed, so nothing usable is stored.
const PURPOSE = "signup";

export function signupConfirmUrl(requestId: string): string {
  return new URL(`/signup/confirm/${signedId(PURPOSE, requestId)}`, env().APP_URL).toString();
}

/** The sign-up request a link names, or null for anything tampered. */
export function signupRequestIdOf(token: string): string | null {
  return verifySignedId(PURPOSE, token);
}
