import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, type MemberStatus } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { endMemberSessions } from "@/lib/auth/end-sessions";

/** Deactivating also ends the member's portal sessions; reactivating does not revive them. */
export async function setMemberStatus(db: DbOrTx, dojoId: string, id: string, status: MemberStatus): Promise<void> {
  const [row] = await db
    .update(members)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(members.id, id), eq(members.dojoId, dojoId)))
    .returning({ id: members.id });
  if (!row) throw new NotFoundError("Member");
  if (status === "inactive") await endMemberSessions(db, id);
}
