"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { signOut } from "@/lib/auth/auth";
import { changeOwnLanguage, changeOwnName, changeOwnPassword } from "@/lib/staff/own-account";
import { changeLanguageSchema, changeNameSchema, changePasswordSchema } from "@/lib/staff/schemas";

export const changeName = staffAction({ schema: changeNameSchema, permission: "account" }, async ({ name }, ctx) => {
  await changeOwnName(await getDb(), ctx, name);
  revalidatePath("/", "layout");
  return null;
});

export const changeLanguage = staffAction({ schema: changeLanguageSchema, permission: "account" }, async ({ language }, ctx) => {
  await changeOwnLanguage(await getDb(), ctx, language);
  revalidatePath("/", "layout");
  return null;
});

// Every session of the account ends, this one too: the cookie is cleared and the person logs in anew.
export const changePassword = staffAction({ schema: changePasswordSchema, permission: "account" }, async ({ currentPassword, newPassword }, ctx) => {
  await changeOwnPassword(await getDb(), ctx, currentPassword, newPassword);
  await signOut({ redirect: false });
  return { redirectTo: "/login" };
});
