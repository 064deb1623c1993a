import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cardLinks, members, type MemberStatus } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { endMemberSessions } from "@/lib/auth/end-sessions";

/**
 * Deactivating ends everything that let the member in without staff: members-area sessions,
 * the card link (revoked, so it can create no Stripe customer or SetupIntent), and pending
 * members-area invitations (their signature covers the session version bumped here).
 * Reactivating revives none of them: staff send a new invitation or card link.
 */
export async function setMemberStatus(db: DbOrTx, dojoId: string, id: string, status: MemberStatus): Promise<void> {
  const [row] = await db
    .update(members)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(members.id, id), eq(members.dojoId, dojoId)))
    .returning({ id: members.id });
  if (!row) throw new NotFoundError("Member");
  if (status === "inactive") {
    await endMemberSessions(db, id);
    await db
      .update(cardLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(cardLinks.dojoId, dojoId), eq(cardLinks.memberId, id), isNull(cardLinks.revokedAt)));
  }
}
