import { Card, CardHeader } from "@/components/ui/card";
import { formatIn } from "@/lib/i18n/format";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import type { FailedMail } from "@/lib/mail/failed-mails";
import { SendMailAgainButton } from "./send-mail-again-button";

/** Shown only when some mail could not be sent: what, when, Resend's reason, and a way to retry. */
export async function FailedMails({ mails, timeZone }: { mails: FailedMail[]; timeZone: string }) {
  if (mails.length === 0) return null;
  const t = await staffT("staff.dashboard");
  const f = formatIn(await staffLocale());
  return (
    <Card>
      <CardHeader title={t("failedMails.title")} description={t("failedMails.description")} />
      <ul className="divide-y divide-stone-100">
        {mails.map((mail) => (
          <li key={mail.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-5">
            <span className="min-w-0">
              <span className="block font-medium text-stone-900">
                {t(`mailKinds.${mail.kind}`)} · {f.date(mail.failedAt, timeZone)}
              </span>
              <span className="block text-sm break-words text-red-700">{mail.error}</span>
            </span>
            <SendMailAgainButton jobId={mail.id} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
