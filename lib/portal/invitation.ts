import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, members } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { signToken, tokenParts, verifyToken } from "@/lib/crypto";
import { setMemberPassword } from "@/lib/members/password";
import { idSchema } from "@/lib/validation/common";

export const PORTAL_INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Signable = { id: string; sessionVersion: number; passwordHash: string | null };

const PURPOSE = "portal-invite";

// `<member id>.<expiry ms>.<signature>`. The signature also binds the member's session version
// and password hash, so the link stops working once a password is set (by it or otherwise):
// single use without a table.
const boundTo = (member: Signable) => [String(member.sessionVersion), member.passwordHash ?? ""];

export function portalInvitationToken(member: Signable, now = new Date()): { token: string; expiresAt: Date } {
  return portalInvitationTokenUntil(member, now.getTime() + PORTAL_INVITATION_TTL_MS);
}

/** The link's token for a given expiry: the queued invitation mail makes it when it is sent. */
export function portalInvitationTokenUntil(member: Signable, expires: number): { token: string; expiresAt: Date } {
  return { token: signToken(PURPOSE, [member.id, String(expires)], boundTo(member)), expiresAt: new Date(expires) };
}

export type PortalInvitationState =
  | { state: "valid"; member: { id: string; dojoId: string; firstName: string; uid: string }; dojoName: string }
  | { state: "expired" | "invalid" };

export async function findPortalInvitation(db: DbOrTx, token: string, now = new Date()): Promise<PortalInvitationState> {
  const [memberId, expiresRaw] = tokenParts(token, 2) ?? [];
  const expires = Number(expiresRaw);
  if (!idSchema.safeParse(memberId).success || !Number.isSafeInteger(expires)) return { state: "invalid" };
  const [row] = await db.select({ member: members, dojoName: dojos.name }).from(members).innerJoin(dojos, eq(dojos.id, members.dojoId)).where(eq(members.id, memberId));
  if (!row || row.member.status !== "active" || !verifyToken(PURPOSE, token, 2, boundTo(row.member))) return { state: "invalid" };
  if (expires < now.getTime()) return { state: "expired" };
  return { state: "valid", member: { id: row.member.id, dojoId: row.member.dojoId, firstName: row.member.firstName, uid: row.member.uid }, dojoName: row.dojoName };
}

/** Why a link cannot set a password, in the member's words; null when it can. */
export function portalInvitationProblem(found: PortalInvitationState): string | null {
  if (found.state === "expired") return "This link has expired. Ask your dojo for a new invitation.";
  if (found.state !== "valid") return "This link is not valid any more (it works once). Log in with your UID and password, or ask your dojo for a new invitation.";
  return null;
}

/**
 * Sets the password through an invitation link (hash computed by the caller, argon2 is slow).
 * Run in a transaction: the member row is locked, so the link works once even when submitted
 * twice at the same moment. Returns the member's UID for logging in.
 */
export async function acceptPortalInvitation(tx: DbOrTx, token: string, passwordHash: string): Promise<{ uid: string }> {
  const memberId = token.split(".")[0];
  if (idSchema.safeParse(memberId).success) await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId)).for("update");
  const found = await findPortalInvitation(tx, token);
  const problem = portalInvitationProblem(found);
  if (problem || found.state !== "valid") throw new ActionError(problem!);
  await setMemberPassword(tx, found.member.dojoId, found.member.id, passwordHash);
  return { uid: found.member.uid };
}
