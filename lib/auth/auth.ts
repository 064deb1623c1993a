import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import type { SessionClaims } from "./claims";
import { checkMemberCredentials, checkStaffCredentials, type CredentialCheck } from "./credentials";
import { clientIp } from "./client-ip";

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
