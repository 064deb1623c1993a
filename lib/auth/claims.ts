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
    return (await decodeOnce(name, token))?.claims ?? null;
  }
  return null;
}

type Payload = { claims?: SessionClaims; exp?: number };

// Decoding derives the key from AUTH_SECRET (HKDF) and decrypts: ~1 ms of a page's CPU under load
// (docs/benchmarks.md, 2026-12-03), for the same cookie on every request of a session. A cookie
// read once is remembered by its name and value (the name is the key's salt), still held to its
// expiry as Auth.js's decoder does (15 s of clock tolerance); a refused one is not remembered.
const CLOCK_TOLERANCE_S = 15;
const MAX_REMEMBERED = 1_000;
const decoded = new Map<string, Payload>();

async function decodeOnce(name: string, token: string): Promise<Payload | null> {
  const key = `${name}:${token}`;
  let payload = decoded.get(key);
  if (!payload) {
    payload = (await decode<Payload>({ token, secret: env().AUTH_SECRET, salt: name }).catch(() => null)) ?? undefined;
    if (!payload) return null;
    // The oldest first out (a Map keeps insertion order).
    if (decoded.size >= MAX_REMEMBERED) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, payload);
  }
  if (payload.exp !== undefined && payload.exp <= Date.now() / 1000 - CLOCK_TOLERANCE_S) {
    decoded.delete(key);
    return null;
  }
  return payload;
}
