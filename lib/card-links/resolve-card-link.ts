import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cardLinks, dojos, members } from "@/db/schema";
import { verifyCardLinkToken } from "./token";

/** What a `/card/<token>` URL opens, or null when the token is tampered, unknown or revoked, or the member inactive. */
export async function resolveCardLink(db: DbOrTx, token: string) {
  const linkId = verifyCardLinkToken(token);
  if (!linkId) return null;
  const [row] = await db
    .select({ link: cardLinks, member: members, dojo: dojos })
    .from(cardLinks)
    .innerJoin(members, and(eq(members.id, cardLinks.memberId), eq(members.dojoId, cardLinks.dojoId)))
    .innerJoin(dojos, eq(dojos.id, cardLinks.dojoId))
    .where(and(eq(cardLinks.id, linkId), isNull(cardLinks.revokedAt), eq(members.status, "active")));
  return row ?? null;
}
