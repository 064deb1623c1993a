import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, staffUsers } from "@/db/schema";

// Bumping the session version kills every cookie issued before (logout, password change,
// deactivation). No Next.js imports here: scripts (seed, benches) reach this through lib/members.
export async function endStaffSessions(db: DbOrTx, staffId: string) {
  await db.update(staffUsers).set({ sessionVersion: sql`${staffUsers.sessionVersion} + 1` }).where(eq(staffUsers.id, staffId));
}

export async function endMemberSessions(db: DbOrTx, memberId: string) {
  await db.update(members).set({ sessionVersion: sql`${members.sessionVersion} + 1` }).where(eq(members.id, memberId));
}
