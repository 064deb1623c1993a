import { vi } from "vitest";
import { getDb } from "@/db/client";
import { checkMemberCredentials, checkStaffCredentials } from "@/lib/auth/credentials";
import { actAs } from "./session";

// Stands in for lib/auth/auth.ts and next-auth, which need a Next.js request to run. Use with
//   vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
//   vi.mock("next-auth", () => import("../support/authjs"));
// Signing in runs the same credential check as the real providers and makes the result the
// test's session; signing out is only recorded (the session version is what ends a session).

export class CredentialsSignin extends Error {
  code = "credentials";
}

export const TEST_CLIENT_IP = "192.0.2.250";

export const signIn = vi.fn(async (provider: "staff" | "member", credentials: Record<string, string>) => {
  const db = await getDb();
  const result =
    provider === "staff"
      ? await checkStaffCredentials(db, credentials.email, credentials.password, TEST_CLIENT_IP)
      : await checkMemberCredentials(db, credentials.uid, credentials.password, TEST_CLIENT_IP);
  if (!result.ok) {
    const error = new CredentialsSignin();
    if (result.reason === "throttled") error.code = `throttled:${result.retryAfterMinutes}`;
    throw error;
  }
  actAs(result.claims);
});

export const signOut = vi.fn(async (_options?: { redirectTo?: string; redirect?: boolean }) => {
  actAs(null);
});

export const auth = vi.fn(async () => null);
export const handlers = {};
