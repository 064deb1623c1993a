import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { dojoBilling, dojos, staffInvitations, staffUsers } from "@/db/schema";
import { effectivePlan } from "@/lib/account-plans/effective-plan";
import { NotFoundError, refused } from "@/lib/errors";
import { planLimit } from "@/lib/account-plans/features";

/** Active staff plus invitations still waiting to be accepted: each of those holds a seat. */
export async function seatUsage(db: DbOrTx, dojoId: string, now = new Date()) {
  const [[active], [pending], [dojo]] = await Promise.all([
    db.select({ n: count() }).from(staffUsers).where(and(eq(staffUsers.dojoId, dojoId), eq(staffUsers.active, true))),
    db.select({ n: count() }).from(staffInvitations).where(pendingInvitationsOf(dojoId, now)),
    db.select({ plan: dojos.plan, billing: dojoBilling }).from(dojos).leftJoin(dojoBilling, eq(dojoBilling.dojoId, dojos.id)).where(eq(dojos.id, dojoId)),
  ]);
  if (!dojo) throw new NotFoundError("Dojo");
  // The plan in force: after a downgrade or the end of a trial the smaller limit counts.
  const plan = effectivePlan(dojo.plan, dojo.billing, now);
  return { active: active.n, pending: pending.n, limit: planLimit(plan, "staffUsers"), plan };
}

export function pendingInvitationsOf(dojoId: string, now: Date) {
  return and(eq(staffInvitations.dojoId, dojoId), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.revokedAt), gt(staffInvitations.expiresAt, now));
}

/**
 * Refuses when the plan's staff limit is reached. Locks the dojo row first, so concurrent
 * invitations, acceptances and reactivations of one dojo are counted one after another.
 * `holdsSeat` is for accepting an invitation, whose own pending seat is already counted.
 */
export async function assertSeatAvailable(tx: Tx, dojoId: string, now: Date, opts: { holdsSeat?: boolean } = {}) {
  await tx.select({ id: dojos.id }).from(dojos).where(eq(dojos.id, dojoId)).for("update");
  const usage = await seatUsage(tx, dojoId, now);
  const taken = usage.active + usage.pending - (opts.holdsSeat ? 1 : 0);
  if (taken >= usage.limit) {
    throw refused("staff.no_seat", { plan: usage.plan, limit: usage.limit });
  }
}
