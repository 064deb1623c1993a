import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cardLinks, type CardLink } from "@/db/schema";
import { asPayer, payerKey, type Payer } from "@/lib/families/payer";
import { cardLinkUrl } from "./token";

/** A member's id, or any payer: a member, or a family a contact pays for. */
type Holder = string | Payer;
const holderColumns = (payer: Payer) => (payer.kind === "member" ? { memberId: payer.memberId, familyId: null } : { memberId: null, familyId: payer.familyId });
const holderIs = (payer: Payer) => (payer.kind === "member" ? eq(cardLinks.memberId, payer.memberId) : eq(cardLinks.familyId, payer.familyId));

/**
 * The payer's live card link, created on first use: what "Copy card link" shows and what
 * `{stripecardlink}` becomes in a campaign. The caller has checked the payer is the dojo's.
 */
export async function liveCardLink(db: DbOrTx, dojoId: string, holder: Holder, createdBy?: string | null): Promise<{ link: CardLink; url: string }> {
  const payer = asPayer(holder);
  const live = and(eq(cardLinks.dojoId, dojoId), holderIs(payer), isNull(cardLinks.revokedAt));
  let [link] = await db.select().from(cardLinks).where(live);
  if (!link) {
    // Two callers at once: the partial unique index keeps one; the loser reads it back.
    [link] = await db.insert(cardLinks).values({ dojoId, ...holderColumns(payer), createdBy: createdBy ?? null }).onConflictDoNothing().returning();
    link ??= (await db.select().from(cardLinks).where(live))[0];
  }
  return { link, url: cardLinkUrl(link.id) };
}

/**
 * The live card link URLs of many payers at once (a campaign batch), keyed by payerKey: one read
 * per kind of payer, one insert for those without a link, one read back of any a concurrent
 * caller created first.
 */
export async function liveCardLinks(db: DbOrTx, dojoId: string, payers: Payer[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const memberIds = [...new Set(payers.flatMap((p) => (p.kind === "member" ? [p.memberId] : [])))];
  const familyIds = [...new Set(payers.flatMap((p) => (p.kind === "family" ? [p.familyId] : [])))];
  for (const [kind, ids] of [["member", memberIds], ["family", familyIds]] as const) {
    for (const [id, linkId] of await liveLinkIds(db, dojoId, kind, ids)) urls.set(payerKey(kind === "member" ? { kind, memberId: id } : { kind, familyId: id }), cardLinkUrl(linkId));
  }
  return urls;
}

async function liveLinkIds(db: DbOrTx, dojoId: string, kind: Payer["kind"], ids: string[]): Promise<Map<string, string>> {
  const linkIds = new Map<string, string>();
  if (ids.length === 0) return linkIds;
  const holder = kind === "member" ? cardLinks.memberId : cardLinks.familyId;
  const live = (some: string[]) => and(eq(cardLinks.dojoId, dojoId), inArray(holder, some), isNull(cardLinks.revokedAt));
  const columns = { id: cardLinks.id, holder };
  const keep = (rows: { id: string; holder: string | null }[]) => rows.forEach((l) => linkIds.set(l.holder!, l.id));
  keep(await db.select(columns).from(cardLinks).where(live(ids)));
  const missing = ids.filter((id) => !linkIds.has(id));
  if (missing.length > 0) {
    keep(
      await db
        .insert(cardLinks)
        .values(missing.map((id) => ({ dojoId, ...(kind === "member" ? { memberId: id } : { familyId: id }) })))
        .onConflictDoNothing()
        .returning(columns),
    );
    const lost = missing.filter((id) => !linkIds.has(id));
    if (lost.length > 0) keep(await db.select(columns).from(cardLinks).where(live(lost)));
  }
  return linkIds;
}

/** "New link": the previous link stops working at once. Run in the action's transaction. */
export async function renewCardLink(db: DbOrTx, dojoId: string, holder: Holder, createdBy?: string | null) {
  const payer = asPayer(holder);
  await db
    .update(cardLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(cardLinks.dojoId, dojoId), holderIs(payer), isNull(cardLinks.revokedAt)));
  return liveCardLink(db, dojoId, payer, createdBy);
}
