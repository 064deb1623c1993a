import "server-only";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, staffInvitations, staffUsers } from "@/db/schema";
import StaffInvitation from "@/emails/staff-invitation";
import { decryptSecret, encryptSecret, hashToken, safeEqual } from "@/lib/crypto";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { formatLongDate } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import { staffMailLocale } from "@/lib/i18n/staff-mail-locale";

export function invitationUrl(token: string): string {
  return new URL(`/invite/${token}`, env().APP_URL).toString();
}


/**
 * The invitation link of Settings → Staff, by mail. The database keeps only the token's hash, so
 * the job carries the token sealed with ENCRYPTION_KEY (like Stripe keys at rest); the rest is
 * read when it is sent, and nothing goes out for an invitation revoked or accepted meanwhile.
 */
export const staffInvitationMail = defineMail<{ invitationId: string; sealedToken: string }>({
  name: "staff-invitation",
  label: "Staff invitation",
  async compose(db, { invitationId, sealedToken }, now) {
    const [row] = await db
      .select({ invitation: staffInvitations, dojoName: dojos.name, timeZone: dojos.timeZone, defaultLanguage: dojos.defaultLanguage, invitedBy: staffUsers.name })
      .from(staffInvitations)
      .innerJoin(dojos, eq(dojos.id, staffInvitations.dojoId))
      .innerJoin(staffUsers, eq(staffUsers.id, staffInvitations.invitedBy))
      .where(eq(staffInvitations.id, invitationId));
    if (!row) return { skip: "the invitation no longer exists" };
    const { invitation } = row;
    if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return { skip: "the invitation is not pending any more" };
    const token = decryptSecret(sealedToken);
    if (!safeEqual(hashToken(token), invitation.tokenHash)) return { skip: "the sealed token is not this invitation's" };
    // The invitee has no language yet: the dojo's.
    const locale = staffMailLocale(row.defaultLanguage);
    return {
      dojoName: row.dojoName,
      to: invitation.email,
      subject: translator(locale, "emails.staffInvitation")("subject", { invitedBy: row.invitedBy, dojo: row.dojoName }),
      react: createElement(StaffInvitation, {
        locale,
        text: translator(locale, "emails"),
        dojoName: row.dojoName,
        name: invitation.name,
        invitedBy: row.invitedBy,
        role: invitation.role,
        url: invitationUrl(token),
        expiresOn: formatLongDate(invitation.expiresAt, row.timeZone, locale),
      }),
    };
  },
});

/** Queued in the transaction that creates the invitation: mailed once it is committed. */
export async function queueStaffInvitationMail(tx: DbOrTx, invitation: { id: string; dojoId: string }, token: string): Promise<void> {
  await enqueueMail(tx, staffInvitationMail, { dojoId: invitation.dojoId, cause: invitation.id, params: { invitationId: invitation.id, sealedToken: encryptSecret(token) } });
}
