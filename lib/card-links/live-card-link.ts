import { and, eq, inArray, isNull } from "drizzle-orm";
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

/**
 * The live card link URLs of many of the dojo's members at once (a campaign batch): one read, one
 * insert for those without a link, one read back of any a concurrent caller created first.
 */
export async function liveCardLinks(db: DbOrTx, dojoId: string, memberIds: string[]): Promise<Map<string, string>> {
  const linkIds = new Map<string, string>();
  if (memberIds.length === 0) return linkIds;
  const live = (ids: string[]) => and(eq(cardLinks.dojoId, dojoId), inArray(cardLinks.memberId, ids), isNull(cardLinks.revokedAt));
  const columns = { id: cardLinks.id, memberId: cardLinks.memberId };
  for (const l of await db.select(columns).from(cardLinks).where(live(memberIds))) linkIds.set(l.memberId, l.id);
  const missing = [...new Set(memberIds.filter((id) => !linkIds.has(id)))];
  if (missing.length > 0) {
    const created = await db
      .insert(cardLinks)
      .values(missing.map((memberId) => ({ dojoId, memberId })))
      .onConflictDoNothing()
      .returning(columns);
    for (const l of created) linkIds.set(l.memberId, l.id);
    const lost = missing.filter((id) => !linkIds.has(id));
    if (lost.length > 0) for (const l of await db.select(columns).from(cardLinks).where(live(lost))) linkIds.set(l.memberId, l.id);
  }
  return new Map([...linkIds].map(([memberId, id]) => [memberId, cardLinkUrl(id)]));
}

/** "New link": the previous link stops working at once. Run in the action's transaction. */
export async function renewCardLink(db: DbOrTx, dojoId: string, memberId: string, createdBy?: string | null) {
  await db
    .update(cardLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(cardLinks.dojoId, dojoId), eq(cardLinks.memberId, memberId), isNull(cardLinks.revokedAt)));
  return liveCardLink(db, dojoId, memberId, createdBy);
}
