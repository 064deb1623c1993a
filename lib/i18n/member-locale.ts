import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, members } from "@/db/schema";
import { resolveLocale, type Locale } from "./locales";

/** The language pages, mails and Stripe Checkout use for a member; the dojo's default without one. */
export async function memberLocale(db: DbOrTx, dojoId: string, memberId: string | null | undefined): Promise<Locale> {
  const [row] = memberId
    ? await db
        .select({ language: members.language, defaultLanguage: dojos.defaultLanguage })
        .from(dojos)
        .leftJoin(members, and(eq(members.id, memberId), eq(members.dojoId, dojos.id)))
        .where(eq(dojos.id, dojoId))
    : await db.select({ language: dojos.defaultLanguage, defaultLanguage: dojos.defaultLanguage }).from(dojos).where(eq(dojos.id, dojoId));
  return resolveLocale(row?.language, row?.defaultLanguage);
}
