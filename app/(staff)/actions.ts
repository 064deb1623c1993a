"use server";
import { endStaffSessions } from "@/lib/auth/end-sessions";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { getStaffSession } from "@/lib/auth/session";

// Logging out ends every session of this account, so a copied cookie dies with it.
export async function logOut() {
  const session = await getStaffSession();
  if (session) await endStaffSessions(await getDb(), session.user.id);
  await signOut({ redirectTo: "/login" });
}
