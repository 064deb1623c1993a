"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { confirmSignup } from "@/lib/dojos/signup-request";

export const confirmSignupAction = publicAction(z.object({ token: z.string().min(1).max(200) }), async ({ token }) => {
  await confirmSignup(await getDb(), token);
  return { redirectTo: "/login?welcome=1" };
});
