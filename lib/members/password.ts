import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { endMemberSessions } from "@/lib/auth/end-sessions";

/**
 * Sets the member's portal password from a hash the caller computed (argon2 is slow: hash
 * before opening the transaction). Every existing portal session ends with the change.
 */
export async function setMemberPassword(db: DbOrTx, dojoId: string, id: string, passwordHash: string): Promise<void> {
  const [row] = await db
    .update(members)
    .set({ passwordHash, updatedAt: new Date() })
    .where(and(eq(members.id, id), eq(members.dojoId, dojoId)))
    .returning({ id: members.id });
  if (!row) throw new NotFoundError("Member");
  await endMemberSessions(db, id);
}
