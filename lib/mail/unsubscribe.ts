import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, emailOptOuts, members } from "@/db/schema";
import { signedId, verifySignedId } from "@/lib/crypto";
import { env } from "@/lib/env";

const PURPOSE = "unsubscribe";

// `<member id>.<signature>`: no expiry (an old mail's link must keep working) and the same for
// every campaign, so a batch re-sent after a restart is byte-identical to the first attempt.
export function unsubscribeToken(memberId: string): string {
  return signedId(PURPOSE, memberId);
}

export function unsubscribeUrl(memberId: string): string {
  return `${env().APP_URL}/unsubscribe/${unsubscribeToken(memberId)}`;
}

/** The one-click endpoint of the List-Unsubscribe header (RFC 8058). */
export function oneClickUnsubscribeUrl(memberId: string): string {
  return `${env().APP_URL}/api/unsubscribe/${unsubscribeToken(memberId)}`;
}

export function verifyUnsubscribeToken(token: string): string | null {
  return verifySignedId(PURPOSE, token);
}

/** Who a token names, and whether they are already unsubscribed; null for a bad token. */
export async function unsubscribeTarget(db: DbOrTx, token: string) {
  const memberId = verifyUnsubscribeToken(token);
  if (!memberId) return null;
  const [row] = await db
    .select({ memberId: members.id, dojoId: members.dojoId, email: members.email, language: members.language, dojoName: dojos.name, defaultLanguage: dojos.defaultLanguage, optedOutAt: emailOptOuts.createdAt })
    .from(members)
    .innerJoin(dojos, eq(dojos.id, members.dojoId))
    .leftJoin(emailOptOuts, and(eq(emailOptOuts.memberId, members.id), eq(emailOptOuts.dojoId, members.dojoId)))
    .where(eq(members.id, memberId));
  return row ?? null;
}

/** Unsubscribes the member a token names from campaigns; repeating it changes nothing. */
export async function unsubscribe(db: DbOrTx, token: string): Promise<boolean> {
  const target = await unsubscribeTarget(db, token);
  if (!target) return false;
  await db.insert(emailOptOuts).values({ dojoId: target.dojoId, memberId: target.memberId }).onConflictDoNothing();
  return true;
}

export async function resubscribe(db: DbOrTx, token: string): Promise<boolean> {
  const target = await unsubscribeTarget(db, token);
  if (!target) return false;
  await db.delete(emailOptOuts).where(and(eq(emailOptOuts.dojoId, target.dojoId), eq(emailOptOuts.memberId, target.memberId)));
  return true;
}
