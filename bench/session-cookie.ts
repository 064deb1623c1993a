import { encode } from "next-auth/jwt";
import type { SessionClaims } from "@/lib/auth/claims";
import { BENCH_SECRETS } from "./support";

// Mints the cookie Auth.js would set after a login, so the bench measures pages, not argon2.
const COOKIE = "authjs.session-token";

export async function sessionCookie(claims: SessionClaims): Promise<string> {
  const token = await encode({ token: { sub: claims.id, claims }, secret: BENCH_SECRETS.AUTH_SECRET, salt: COOKIE, maxAge: 3600 });
  return `${COOKIE}=${token}`;
}
