import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import type { SessionClaims } from "./claims";
import { checkMemberCredentials, checkStaffCredentials, type CredentialCheck } from "./credentials";

declare module "next-auth" {
  interface Session extends DefaultSession {
    claims?: SessionClaims;
  }
  interface User {
    claims?: SessionClaims;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    claims?: SessionClaims;
  }
}

// Carries the throttle's wait time to the login action (the code reaches the caller).
class ThrottledSignin extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled:${minutes}`;
  }
}

// The address the per-address throttle counts. The last X-Forwarded-For entry is the one our
// own proxy appended (Next.js fills the header from the socket when there is none); earlier
// entries come from the client and could be rotated to dodge the limit.
async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",").at(-1)?.trim() || h.get("x-real-ip") || "unknown";
}

function toUser(result: CredentialCheck) {
  if (result.ok) return { id: result.claims.id, claims: result.claims };
  if (result.reason === "throttled") throw new ThrottledSignin(result.retryAfterMinutes);
  return null;
}

const staffInput = z.object({ email: z.string().email(), password: z.string().min(1).max(200) });
const memberInput = z.object({ uid: z.string().min(1).max(20), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      id: "staff",
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const input = staffInput.safeParse(raw);
        if (!input.success) return null;
        return toUser(await checkStaffCredentials(await getDb(), input.data.email, input.data.password, await clientIp()));
      },
    }),
    Credentials({
      id: "member",
      credentials: { uid: {}, password: {} },
      async authorize(raw) {
        const input = memberInput.safeParse(raw);
        if (!input.success) return null;
        return toUser(await checkMemberCredentials(await getDb(), input.data.uid, input.data.password, await clientIp()));
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.claims) token.claims = user.claims;
      return token;
    },
    session({ session, token }) {
      session.claims = token.claims;
      return session;
    },
  },
}));
