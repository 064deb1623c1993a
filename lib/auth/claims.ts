import { auth } from "./auth";

/** What a session cookie carries. Everything else is re-read from the database per request. */
export interface SessionClaims {
  kind: "staff" | "member";
  id: string;
  dojoId: string;
  /** Session version: must equal the account's current one, or the session is dead. */
  sv: number;
}

// The single seam between Auth.js and the app: tests replace this module to act as a user.
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = await auth();
  const claims = session?.claims;
  return claims ?? null;
}
