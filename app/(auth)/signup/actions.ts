"use server";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { signInWith } from "@/lib/auth/login";
import { signUpDojo, signupSchema } from "@/lib/dojos/signup";

export const signUp = publicAction(signupSchema, async (input) => {
  await signUpDojo(await getDb(), input);
  await signInWith("staff", { email: input.email, password: input.password }, "Your dojo was created. Please log in.");
  return { redirectTo: "/dashboard" };
});
