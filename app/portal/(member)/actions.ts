"use server";
import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { endMemberSessions } from "@/lib/auth/end-sessions";
import { getDb } from "@/db/client";
import { members } from "@/db/schema";
import { memberAction } from "@/lib/action";
import { signOut } from "@/lib/auth/auth";
import { getMemberSession } from "@/lib/auth/session";
import { LOCALES } from "@/lib/i18n/locales";

// Logging out ends every session of this member, so a copied cookie dies with it.
export async function logOutMember() {
  const session = await getMemberSession();
  if (session) await endMemberSessions(await getDb(), session.member.id);
  await signOut({ redirectTo: "/portal/login" });
}

const languageSchema = z.object({ language: z.enum(LOCALES) });

/** The signed-in member chooses their own language (pages, mails, Stripe Checkout); nobody else's. */
export const setMyLanguageAction = memberAction({ schema: languageSchema }, async ({ language }, ctx) => {
  const db = await getDb();
  await db
    .update(members)
    .set({ language, updatedAt: new Date() })
    .where(and(eq(members.id, ctx.member.id), eq(members.dojoId, ctx.dojo.id)));
  revalidatePath("/portal", "layout");
  return { language };
});
