import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, members } from "@/db/schema";
import { refused } from "@/lib/errors";
import { signToken, tokenParts, verifyToken } from "@/lib/crypto";
import { setMemberPassword } from "@/lib/members/password";
import { idSchema } from "@/lib/validation/common";
import { resolveLocale, type Locale } from "@/lib/i18n/locales";

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
  | { state: "valid"; member: { id: string; dojoId: string; firstName: string; uid: string }; dojoName: string; locale: Locale }
  // An expired link still names its member: the page tells them in their language.
  | { state: "expired"; locale: Locale }
  | { state: "invalid" };

export async function findPortalInvitation(db: DbOrTx, token: string, now = new Date()): Promise<PortalInvitationState> {
  const [memberId, expiresRaw] = tokenParts(token, 2) ?? [];
  const expires = Number(expiresRaw);
  if (!idSchema.safeParse(memberId).success || !Number.isSafeInteger(expires)) return { state: "invalid" };
  const [row] = await db.select({ member: members, dojoName: dojos.name, defaultLanguage: dojos.defaultLanguage }).from(members).innerJoin(dojos, eq(dojos.id, members.dojoId)).where(eq(members.id, memberId));
  if (!row || row.member.status !== "active" || !verifyToken(PURPOSE, token, 2, boundTo(row.member))) return { state: "invalid" };
  const locale = resolveLocale(row.member.language, row.defaultLanguage);
  if (expires < now.getTime()) return { state: "expired", locale };
  return { state: "valid", member: { id: row.member.id, dojoId: row.member.dojoId, firstName: row.member.firstName, uid: row.member.uid }, dojoName: row.dojoName, locale };
}

/** Refuses a link that cannot set a password (expired, used or forged). */
export function assertInvitationUsable(found: PortalInvitationState): asserts found is Extract<PortalInvitationState, { state: "valid" }> {
  if (found.state !== "valid") throw refused("portal.invitation_unusable", { state: found.state });
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
  assertInvitationUsable(found);
  await setMemberPassword(tx, found.member.dojoId, found.member.id, passwordHash);
  return { uid: found.member.uid };
}
