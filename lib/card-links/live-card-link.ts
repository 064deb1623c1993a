import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cardLinks, type CardLink } from "@/db/schema";
import { cardLinkUrl } from "./token";

/**
 * The member's live card link, created on first use: what "Copy card link" shows and what
 * `{stripecardlink}` becomes in a campaign. The caller has checked the member is the dojo's.
 */
export async function liveCardLink(db: DbOrTx, dojoId: string, memberId: string, createdBy?: string | null): Promise<{ link: CardLink; url: string }> {
  const live = and(eq(cardLinks.dojoId, dojoId), eq(cardLinks.memberId, memberId), isNull(cardLinks.revokedAt));
  let [link] = await db.select().from(cardLinks).where(live);
  if (!link) {
    // Two callers at once: the partial unique index keeps one; the loser reads it back.
    [link] = await db.insert(cardLinks).values({ dojoId, memberId, createdBy: createdBy ?? null }).onConflictDoNothing().returning();
    link ??= (await db.select().from(cardLinks).where(live))[0];
  }
  return { link, url: cardLinkUrl(link.id) };
}

/** "New link": the previous link stops working at once. Run in the action's transaction. */
export async function renewCardLink(db: DbOrTx, dojoId: string, memberId: string, createdBy?: string | null) {
  await db
    .update(cardLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(cardLinks.dojoId, dojoId), eq(cardLinks.memberId, memberId), isNull(cardLinks.revokedAt)));
  return liveCardLink(db, dojoId, memberId, createdBy);
}
