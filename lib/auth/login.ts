import "server-only";
import { CredentialsSignin } from "next-auth";
import { signIn } from "./auth";
import { refused } from "@/lib/errors";

/** Signs in through Auth.js and turns its errors into a message for the form. */
export async function signInWith(provider: "staff" | "member", credentials: Record<string, string>, after: "login" | "invitation" | "set_password" = "login") {
  try {
    await signIn(provider, { ...credentials, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const minutes = /^throttled:(\d+)$/.exec(error.code)?.[1];
      throw minutes ? refused("auth.throttled", { minutes: Number(minutes), what: "failed attempts" }) : refused("auth.wrong_credentials", { provider, after });
    }
    throw error;
  }
}
