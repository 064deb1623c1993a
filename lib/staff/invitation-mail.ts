import "server-only";
import { createElement } from "react";
import StaffInvitation from "@/emails/staff-invitation";
import type { Role } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { sendMail, type MailResult } from "@/lib/mail/send";
import { INVITATION_TTL_MS } from "./invite";

const longDate = (d: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);

/** E-mails the invitation link made by inviteStaff; the link is also shown to copy by hand. */
export async function sendStaffInvitationMail(input: { dojoName: string; invitedBy: string; name: string; email: string; role: Role; url: string; invitationId: string }, now = new Date()): Promise<MailResult> {
  return sendMail({
    dojoName: input.dojoName,
    to: input.email,
    subject: `${input.invitedBy} invites you to ${input.dojoName} on Tatami`,
    react: createElement(StaffInvitation, {
      dojoName: input.dojoName,
      name: input.name,
      invitedBy: input.invitedBy,
      role: ROLE_LABELS[input.role].toLowerCase(),
      url: input.url,
      expiresOn: longDate(new Date(now.getTime() + INVITATION_TTL_MS)),
    }),
    idempotencyKey: `staff-invitation-${input.invitationId}`,
  });
}
