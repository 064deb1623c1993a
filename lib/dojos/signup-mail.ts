import { createElement } from "react";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signupRequests, staffUsers } from "@/db/schema";
import SignupConfirm from "@/emails/signup-confirm";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { signupConfirmUrl } from "./signup-link";
import { formatLongDateTime } from "@/lib/dates";
import { translator } from "@/lib/i18n/messages";
import { staffMailLocale } from "@/lib/i18n/staff-mail-locale";


/** The sign-up form's answer: the confirmation link for a new address, a reminder for a known one. */
export const signupMail = defineMail<{ requestId: string }>({
  name: "signup",
  label: "Sign-up confirmation",
  async compose(db, { requestId }, now) {
    const [request] = await db.select().from(signupRequests).where(eq(signupRequests.id, requestId));
    if (!request) return { skip: "the sign-up request no longer exists" };
    if (request.confirmedAt) return { skip: "the sign-up was confirmed already" };
    const [account] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, request.email));
    const base = env().APP_URL;
    // No dojo yet, so no default language: English until the sign-up form asks for one.
    const locale = staffMailLocale(null);
    const t = translator(locale, "emails.signupConfirm");
    const text = translator(locale, "emails");
    if (!request.passwordHash || account) {
      return {
        dojoName: "Tatami",
        to: request.email,
        subject: t("existingTitle"),
        react: createElement(SignupConfirm, { locale, text, kind: "existing", loginUrl: new URL("/login", base).toString(), signupUrl: new URL("/signup", base).toString() }),
      };
    }
    if (request.expiresAt <= now) return { skip: "the sign-up link expired before it could be sent" };
    return {
      dojoName: "Tatami",
      to: request.email,
      subject: t("newTitle", { dojo: request.dojoName }),
      react: createElement(SignupConfirm, {
        locale,
        text,
        kind: "new",
        ownerName: request.ownerName,
        dojoName: request.dojoName,
        confirmUrl: signupConfirmUrl(request.id),
        expiresOn: formatLongDateTime(request.expiresAt, request.timeZone, locale),
      }),
    };
  },
});

/** Queued in the transaction that records the request. */
export async function queueSignupMail(tx: DbOrTx, requestId: string): Promise<void> {
  await enqueueMail(tx, signupMail, { dojoId: null, cause: requestId, params: { requestId } });
}
