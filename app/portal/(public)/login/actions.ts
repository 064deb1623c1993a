"use server";
import { publicAction } from "@/lib/action";
import { signInWith } from "@/lib/auth/login";
import { memberLoginSchema } from "@/lib/portal/schemas";

export const logInMember = publicAction(memberLoginSchema, async ({ uid, password }) => {
  await signInWith("member", { uid, password }, "Wrong UID or password.");
  return { redirectTo: "/portal" };
});
