import { endStaffSessions } from "@/lib/auth/end-sessions";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/session";
import { assertOwnerRemains, lockStaffMember } from "./owners";
import { assertSeatAvailable } from "./seats";

/** Deactivation ends the person's sessions at once; reactivation takes a seat of the plan again. */
export async function setStaffActive(db: Db, ctx: StaffContext, staffId: string, active: boolean, now = new Date()) {
  return db.transaction(async (tx) => {
    const target = await lockStaffMember(tx, ctx.dojo.id, staffId);
    if (target.active === active) return;
    if (active) {
      await assertSeatAvailable(tx, ctx.dojo.id, now);
    } else {
      await assertOwnerRemains(tx, ctx.dojo.id, target, ctx.user.id, "deactivate");
      await endStaffSessions(tx, target.id);
    }
    await tx.update(staffUsers).set({ active }).where(and(eq(staffUsers.id, target.id), eq(staffUsers.dojoId, ctx.dojo.id)));
  });
}
