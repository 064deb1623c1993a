import "server-only";
import { CredentialsSignin } from "next-auth";
import { ActionError } from "@/lib/action-result";
import { signIn } from "./auth";
import { throttleMessage } from "./throttle";

/** Signs in through Auth.js and turns its errors into a message for the form. */
export async function signInWith(provider: "staff" | "member", credentials: Record<string, string>, invalidMessage: string) {
  try {
    await signIn(provider, { ...credentials, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const minutes = /^throttled:(\d+)$/.exec(error.code)?.[1];
      throw new ActionError(minutes ? throttleMessage(Number(minutes)) : invalidMessage);
    }
    throw error;
  }
}
