import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { staffInvitations, staffUsers } from "@/db/schema";
import { refused } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { findInvitation } from "./find-invitation";
import type { acceptInvitationSchema } from "./schemas";
import { assertSeatAvailable } from "./seats";

/**
 * Turns a valid invitation into a staff account with the invited role, once. The link is
 * checked before the password is hashed (a garbage token costs no argon2), and again under lock.
 */
export async function acceptInvitation(db: Db, input: z.output<typeof acceptInvitationSchema>, now = new Date()) {
  const early = await findInvitation(db, input.token, now);
  if (early.state !== "valid") throw refused("staff.invitation_unusable", { state: early.state });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      // The row lock makes a second acceptance of the same link wait, then see it accepted.
      const found = await findInvitation(tx, input.token, now, { lock: true });
      if (found.state !== "valid") throw refused("staff.invitation_unusable", { state: found.state });
      const { invitation } = found;
      await assertSeatAvailable(tx, invitation.dojoId, now, { holdsSeat: true });
      const [user] = await tx
        .insert(staffUsers)
        .values({ dojoId: invitation.dojoId, email: invitation.email, name: input.name, role: invitation.role, passwordHash })
        .returning({ id: staffUsers.id, email: staffUsers.email, role: staffUsers.role });
      await tx.update(staffInvitations).set({ acceptedAt: now }).where(eq(staffInvitations.id, invitation.id));
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw refused("staff.invitation_email_has_account");
    throw error;
  }
}
