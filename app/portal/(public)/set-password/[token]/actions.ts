"use server";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { hashPassword } from "@/lib/auth/password";
import { signInWith } from "@/lib/auth/login";
import { acceptPortalInvitation } from "@/lib/portal/invitation";
import { setPortalPasswordSchema } from "@/lib/portal/invitation-schema";

export const setPasswordFromInvitation = publicAction(setPortalPasswordSchema, async ({ token, password }) => {
  const hash = await hashPassword(password);
  const db = await getDb();
  const { uid } = await db.transaction((tx) => acceptPortalInvitation(tx, token, hash));
  await signInWith("member", { uid, password }, "Your password is set. Please log in with your UID.");
  return { redirectTo: "/portal" };
});
