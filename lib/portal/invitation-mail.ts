import "server-only";
import { translator } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/locales";
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, members } from "@/db/schema";
import PortalInvitation from "@/emails/portal-invitation";
import { NotFoundError, refused } from "@/lib/errors";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { PORTAL_INVITATION_TTL_MS, portalInvitationTokenUntil } from "./invitation";
import { formatLongDate } from "@/lib/dates";


/**
 * A link to choose a members-area password. The job keeps the member and the link's expiry, not
 * the link: the token is signed when the mail goes out, from the member as they are then.
 */
export const portalInvitationMail = defineMail<{ dojoId: string; memberId: string; expiresAt: number }>({
  name: "portal-invitation",
  label: "Members-area invitation",
  async compose(db, { dojoId, memberId, expiresAt }, now) {
    const [row] = await db
      .select({ member: members, dojoName: dojos.name, timeZone: dojos.timeZone, defaultLanguage: dojos.defaultLanguage })
      .from(members)
      .innerJoin(dojos, eq(dojos.id, members.dojoId))
      .where(and(eq(members.id, memberId), eq(members.dojoId, dojoId)));
    if (!row) return { skip: "the member no longer exists" };
    if (row.member.status !== "active") return { skip: "the member is inactive now" };
    if (!row.member.email) return { skip: "the member has no e-mail address" };
    if (expiresAt <= now.getTime()) return { skip: "the invitation expired before it could be sent" };
    const locale = resolveLocale(row.member.language, row.defaultLanguage);
    const { token, expiresAt: expires } = portalInvitationTokenUntil(row.member, expiresAt);
    return {
      dojoName: row.dojoName,
      to: row.member.email,
      subject: translator(locale, "emails.portalInvitation")("subject", { dojo: row.dojoName }),
      react: createElement(PortalInvitation, {
        locale,
        text: translator(locale, "emails"),
        dojoName: row.dojoName,
        memberName: row.member.firstName,
        uid: row.member.uid,
        setPasswordUrl: `${env().APP_URL}/portal/set-password/${token}`,
        expiresOn: formatLongDate(expires, row.timeZone, locale),
      }),
    };
  },
});

/** Staff send the member a link to choose their members-area password: checked now, mailed once committed. */
export async function queuePortalInvitation(tx: DbOrTx, dojo: { id: string }, memberId: string, now = new Date()): Promise<{ email: string }> {
  const [member] = await tx.select().from(members).where(eq(members.id, memberId));
  if (!member || member.dojoId !== dojo.id) throw new NotFoundError("Member");
  if (!member.email) throw refused("portal.member_no_email");
  if (member.status !== "active") throw refused("portal.member_inactive");
  const expiresAt = now.getTime() + PORTAL_INVITATION_TTL_MS;
  // Each click is its own invitation (a lost mail, a new link): the expiry tells them apart.
  await enqueueMail(tx, portalInvitationMail, { dojoId: dojo.id, cause: `${member.id}:${expiresAt}`, params: { dojoId: dojo.id, memberId: member.id, expiresAt } });
  return { email: member.email };
}
