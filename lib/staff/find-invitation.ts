import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, staffInvitations } from "@/db/schema";
import { hashToken } from "@/lib/crypto";

export type InvitationState = "valid" | "expired" | "revoked" | "accepted" | "unknown";

/** What an invitation link leads to; only a valid one carries the details. */
export async function findInvitation(db: DbOrTx, token: string, now = new Date(), opts: { lock?: boolean } = {}) {
  const query = db
    .select({
      id: staffInvitations.id,
      dojoId: staffInvitations.dojoId,
      dojoName: dojos.name,
      email: staffInvitations.email,
      name: staffInvitations.name,
      role: staffInvitations.role,
      expiresAt: staffInvitations.expiresAt,
      acceptedAt: staffInvitations.acceptedAt,
      revokedAt: staffInvitations.revokedAt,
    })
    .from(staffInvitations)
    .innerJoin(dojos, eq(dojos.id, staffInvitations.dojoId))
    .where(eq(staffInvitations.tokenHash, hashToken(token)));
  const [invitation] = await (opts.lock ? query.for("update", { of: staffInvitations }) : query);
  if (!invitation) return { state: "unknown" as const };
  const state: InvitationState = invitation.acceptedAt ? "accepted" : invitation.revokedAt ? "revoked" : invitation.expiresAt <= now ? "expired" : "valid";
  return state === "valid" ? { state, invitation } : { state };
}
