import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/dates";
import { DEFAULT_LOCALE, moneyLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import type { MemberSubscriptionRow } from "@/lib/subscriptions/member-overview";
import { subscriptionStatus } from "./subscription-status";

/**
 * A subscription's name, status badge, price and what happens next: for staff (English until the
 * staff pages have their language) and in the members area (the member's language).
 */
export function SubscriptionSummary({ s, timeZone, fallbackName, locale = DEFAULT_LOCALE }: { s: MemberSubscriptionRow; timeZone: string; fallbackName: string; locale?: Locale }) {
  const t = translator(locale, "components.subscription");
  const money = (minor: number) => formatMoney(minor, s.currency, moneyLocale(locale));
  const date = (value: Date) => formatDate(value, timeZone, locale);
  const paused = !!s.pauseBehavior;
  const status = subscriptionStatus(s.status, s.cancelAtPeriodEnd, paused);
  const live = s.status !== "canceled" && s.status !== "incomplete_expired";
  const next = !live || !s.currentPeriodEnd ? null : s.cancelAtPeriodEnd ? t("ends", { date: date(s.currentPeriodEnd) }) : paused ? null : t("next", { date: date(s.currentPeriodEnd) });
  return (
    <div className="min-w-0">
      <p className="font-medium text-stone-900">
        {s.planName ?? fallbackName} <Badge tone={status.tone}>{status.key ? t(`status.${status.key}`) : s.status}</Badge>
      </p>
      <p className="text-sm text-stone-600">
        {s.amountMinor !== null && money(s.amountMinor)}
        {s.interval && ` ${t(`interval.${s.interval}`, { count: s.intervalCount ?? 1 })}`}
        {next && ` · ${next}`}
        {s.signupFeeMinor ? ` · ${t("signupFee", { amount: money(s.signupFeeMinor) })}` : null}
      </p>
      {paused && live && (
        <p className="text-sm text-blue-800" data-testid="pause-note">
          {s.pauseResumesAt ? t("pausedUntil", { date: date(s.pauseResumesAt) }) : t("pausedIndefinitely")}
        </p>
      )}
    </div>
  );
}
