import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffInvitations, staffUsers } from "@/db/schema";
import { refused } from "@/lib/errors";
import type { StaffContext } from "@/lib/auth/session";
import { hashToken, newToken } from "@/lib/crypto";
import type { z } from "zod";
import type { inviteSchema } from "./schemas";
import { invitationUrl, queueStaffInvitationMail } from "./invitation-mail";
import { assertSeatAvailable, pendingInvitationsOf } from "./seats";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;


/**
 * Creates an invitation and queues its mail; the token exists only in the returned link (and,
 * sealed, in the mail job), the database keeps its hash.
 */
export async function inviteStaff(db: Db, ctx: StaffContext, input: z.output<typeof inviteSchema>, now = new Date()) {
  const token = newToken();
  return db.transaction(async (tx) => {
    await assertSeatAvailable(tx, ctx.dojo.id, now);
    const [account] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, input.email));
    if (account) throw refused("staff.invite_email_has_account");
    const [pending] = await tx
      .select({ id: staffInvitations.id })
      .from(staffInvitations)
      .where(and(pendingInvitationsOf(ctx.dojo.id, now), eq(staffInvitations.email, input.email)));
    if (pending) throw refused("staff.invite_email_invited");
    const [invitation] = await tx
      .insert(staffInvitations)
      .values({
        dojoId: ctx.dojo.id,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: ctx.user.id,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        createdAt: now,
      })
      .returning({ id: staffInvitations.id });
    await queueStaffInvitationMail(tx, { id: invitation.id, dojoId: ctx.dojo.id }, token);
    return { invitationId: invitation.id, url: invitationUrl(token) };
  });
}
