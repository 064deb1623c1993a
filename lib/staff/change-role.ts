import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffUsers, type Role } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/session";
import { assertOwnerRemains, lockStaffMember } from "./owners";

// Roles are re-read on every request, so the new role applies to open sessions right away.
export async function changeStaffRole(db: Db, ctx: StaffContext, staffId: string, role: Role) {
  return db.transaction(async (tx) => {
    const target = await lockStaffMember(tx, ctx.dojo.id, staffId);
    if (target.role === role) return;
    if (target.role === "owner" || target.id === ctx.user.id) await assertOwnerRemains(tx, ctx.dojo.id, target, ctx.user.id, "demote");
    await tx.update(staffUsers).set({ role }).where(and(eq(staffUsers.id, target.id), eq(staffUsers.dojoId, ctx.dojo.id)));
  });
}
