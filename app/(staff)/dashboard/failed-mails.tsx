import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import type { FailedMail } from "@/lib/mail/failed-mails";
import { SendMailAgainButton } from "./send-mail-again-button";

/** Shown only when some mail could not be sent: what, when, Resend's reason, and a way to retry. */
export function FailedMails({ mails, timeZone }: { mails: FailedMail[]; timeZone: string }) {
  if (mails.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Mail that could not be sent" description="Correct the address if that is the reason, then send it again." />
      <ul className="divide-y divide-stone-100">
        {mails.map((mail) => (
          <li key={mail.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-5">
            <span className="min-w-0">
              <span className="block font-medium text-stone-900">
                {mail.label} · {formatDate(mail.failedAt, timeZone)}
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
