import { and, count, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dojos, staffUsers, type Role } from "@/db/schema";
import { NotFoundError, refused } from "@/lib/errors";

/**
 * Loads a staff member of the caller's dojo for a change, after locking the dojo row: two
 * owners changing each other at the same moment are handled one after the other, so the
 * last-owner rule below cannot be raced.
 */
export async function lockStaffMember(tx: Tx, dojoId: string, staffId: string) {
  await tx.select({ id: dojos.id }).from(dojos).where(eq(dojos.id, dojoId)).for("update");
  const [member] = await tx
    .select({ id: staffUsers.id, role: staffUsers.role, active: staffUsers.active, name: staffUsers.name })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, staffId), eq(staffUsers.dojoId, dojoId)));
  if (!member) throw new NotFoundError("Staff member");
  return member;
}

/** A dojo always keeps at least one active owner, and nobody removes their own access. */
export async function assertOwnerRemains(tx: Tx, dojoId: string, target: { id: string; role: Role; active: boolean }, actorId: string, change: "demote" | "deactivate") {
  if (target.id === actorId) {
    throw refused("staff.change_own_access", { change });
  }
  if (target.role !== "owner" || !target.active) return;
  const [others] = await tx
    .select({ n: count() })
    .from(staffUsers)
    .where(and(eq(staffUsers.dojoId, dojoId), eq(staffUsers.role, "owner"), eq(staffUsers.active, true), ne(staffUsers.id, target.id)));
  if (others.n === 0) throw refused("staff.last_owner");
}
