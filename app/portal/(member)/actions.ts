"use server";
import { endMemberSessions } from "@/lib/auth/end-sessions";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { getMemberSession } from "@/lib/auth/session";

// Logging out ends every session of this member, so a copied cookie dies with it.
export async function logOutMember() {
  const session = await getMemberSession();
  if (session) await endMemberSessions(await getDb(), session.member.id);
  await signOut({ redirectTo: "/portal/login" });
}
