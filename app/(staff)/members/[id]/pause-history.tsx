import type { SubscriptionPauseEvent } from "@/db/schema";
import { formatDate } from "@/lib/dates";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import type { MemberSubscriptionRow } from "@/lib/subscriptions/member-overview";

/** Each pause and resume of the member's subscriptions, newest first. */
export async function PauseHistory({ events, subscriptions, timeZone }: { events: SubscriptionPauseEvent[]; subscriptions: MemberSubscriptionRow[]; timeZone: string }) {
  const t = await staffT("staff.members.member");
  const locale = await staffLocale();
  const date = (value: Date) => formatDate(value, timeZone, locale);
  const planOf = new Map(subscriptions.map((s) => [s.id, s.planName ?? t("stripe.planFromStripe")]));
  return (
    <section aria-label={t("pauses.title")} className="space-y-1">
      <h4 className="text-xs font-semibold tracking-wide text-stone-500 uppercase">{t("pauses.title")}</h4>
      <ul className="space-y-1 text-sm text-stone-700" data-testid="pause-history">
        {events.map((e) => (
          <li key={e.id}>
            <span className="font-medium">{date(e.occurredAt)}</span> · {planOf.get(e.subscriptionId)}:{" "}
            {e.kind === "paused" ? (e.resumesAt ? t("pauses.pausedUntil", { date: date(e.resumesAt) }) : t("pauses.pausedUntilResumed")) : t("pauses.resumed")}{" "}
            <span className="text-stone-500">{t(`pauses.by.${e.actor}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
