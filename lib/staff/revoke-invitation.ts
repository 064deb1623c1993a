import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffInvitations } from "@/db/schema";
import { NotFoundError, refused } from "@/lib/errors";

export async function revokeInvitation(db: Db, dojoId: string, invitationId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select({ acceptedAt: staffInvitations.acceptedAt, revokedAt: staffInvitations.revokedAt })
      .from(staffInvitations)
      .where(and(eq(staffInvitations.id, invitationId), eq(staffInvitations.dojoId, dojoId)))
      .for("update");
    if (!invitation) throw new NotFoundError("Invitation");
    if (invitation.acceptedAt) throw refused("staff.invitation_already_accepted");
    if (invitation.revokedAt) return;
    await tx
      .update(staffInvitations)
      .set({ revokedAt: now })
      .where(and(eq(staffInvitations.id, invitationId), eq(staffInvitations.dojoId, dojoId), isNull(staffInvitations.acceptedAt)));
  });
}
