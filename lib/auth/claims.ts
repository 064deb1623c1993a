import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

/** What a session cookie carries. Everything else is re-read from the database per request. */
export interface SessionClaims {
  kind: "staff" | "member";
  id: string;
  dojoId: string;
  /** Session version: must equal the account's current one, or the session is dead. */
  sv: number;
}

// The names Auth.js gives its session cookie (the __Secure- one behind https). Each token is
// encrypted with its cookie's name as salt, so one cannot be passed off as the other.
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The single seam between Auth.js and the app: tests replace this module to act as a user.
 * Reads the cookie Auth.js set at login with Auth.js's own decoder (authenticated encryption,
 * expiry checked) instead of `auth()`, which runs Auth.js's whole session endpoint and re-encrypts
 * the cookie on every call: ~7.5 of a staff page's ~37 ms (docs/benchmarks.md, 2026-12-03).
 * A page cannot write cookies anyway, so nothing slid there; sessions end SESSION_MAX_AGE_HOURS
 * after login, or earlier by their session version.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    const payload = await decode<{ claims?: SessionClaims }>({ token, secret: env().AUTH_SECRET, salt: name }).catch(() => null);
    return payload?.claims ?? null;
  }
  return null;
}
