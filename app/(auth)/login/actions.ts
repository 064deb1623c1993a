"use server";
import { publicAction } from "@/lib/action";
import { signedOutStaffLocale } from "@/lib/i18n/staff-session";
import { signInWith } from "@/lib/auth/login";
import { staffLoginSchema } from "@/lib/auth/schemas";

export const logIn = publicAction(
  staffLoginSchema,
  async ({ email, password }) => {
    await signInWith("staff", { email, password });
    return { redirectTo: "/dashboard" };
  },
  { locale: signedOutStaffLocale },
);
