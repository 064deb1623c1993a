"use server";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { signedOutStaffLocale } from "@/lib/i18n/staff-session";
import { clientIp } from "@/lib/auth/client-ip";
import { throttlePublicEndpoint } from "@/lib/auth/public-throttle";
import { requestSignup } from "@/lib/dojos/signup-request";
import { signupSchema } from "@/lib/dojos/signup";

// The same answer whether or not the address has an account: the mail says which.
export const signUp = publicAction(signupSchema, async (input) => {
  const db = await getDb();
  await throttlePublicEndpoint(db, "signup", await clientIp());
  await throttlePublicEndpoint(db, "signup-email", input.email);
  return requestSignup(db, input);
}, { locale: signedOutStaffLocale });
