import type { SessionClaims } from "@/lib/auth/claims";

// Stands in for the Auth.js cookie in integration tests: everything behind the claims
// (session version, active flag, role, dojo) is still checked against the database.
let current: SessionClaims | null = null;

export const claimsModule = {
  readSessionClaims: async (): Promise<SessionClaims | null> => current,
};

export function actAs(claims: SessionClaims | null) {
  current = claims;
}
