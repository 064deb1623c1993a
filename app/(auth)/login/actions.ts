"use server";
import { z } from "zod";
import { publicAction } from "@/lib/action";
import { signInWith } from "@/lib/auth/login";
import { emailSchema } from "@/lib/validation/common";

const schema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password").max(200) });

export const logIn = publicAction(schema, async ({ email, password }) => {
  await signInWith("staff", { email, password });
  return { redirectTo: "/dashboard" };
});
