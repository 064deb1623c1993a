import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cardName } from "@/lib/stripe/card-name";
import { formatMoney } from "@/lib/money";
import { moneyLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { memberSavedCard } from "@/lib/payments/card/card-availability";
import { SubscriptionSummary } from "@/components/subscriptions/subscription-summary";
import { memberSubscriptionRows } from "@/lib/subscriptions/member-overview";
import { localDate } from "@/lib/dates";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { MyPauseButtons, PayRenewalButton, ReplaceCardButton } from "./subscription-buttons";
import type { PortalScope } from "@/lib/portal/family-scope";
import { SavedMandate } from "./saved-mandate";

/** The member's subscriptions (a family payer: the family's), saved card and unpaid subscription invoices (pay or confirm them here). */
export async function MemberSubscriptionsCard({ scope, timeZone, stripeJsUrl, mayPause, locale }: { scope: PortalScope; timeZone: string; stripeJsUrl: string | null; mayPause: boolean; locale: Locale }) {
  const t = translator(locale, "portal.subscriptions");
  const money = (minor: number, currency: string) => formatMoney(minor, currency, moneyLocale(locale));
  const db = await getDb();
  const { dojoId, memberId } = scope;
  const names = new Map(scope.family?.members.map((m) => [m.id, m.name]));
  const [subRows, card, unpaid] = await Promise.all([
    Promise.all(
      scope.memberIds.map(async (id) =>
        (await memberSubscriptionRows(db, dojoId, id)).map((s) => ({
          ...s,
          ownerId: id,
          memberName: names.get(id) ?? null,
        })),
      ),
    ),
    // The card is the family's (the payer's); a child's login does not see or change it.
    scope.canPay ? memberSavedCard(db, dojoId, memberId, { withMandate: true }) : null,
    scope.canPay
      ? db
          .select()
          .from(invoices)
          .where(
            and(
              eq(invoices.dojoId, dojoId),
              eq(invoices.memberId, memberId),
              eq(invoices.source, "subscription"),
              eq(invoices.status, "open"),
            ),
          )
      : [],
  ]);
  const subs = subRows.flat();
  if (subs.length === 0 && !card) return null;
  return (
    <Card id="subscriptions">
      <CardHeader
        title={scope.canPay ? t("titleWithCard") : t("title")}
      />
      <CardBody className="space-y-5">
        {unpaid.map((invoice) => (
          <div
            key={invoice.id}
            className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3"
            data-testid="unpaid-renewal"
          >
            <p className="text-sm text-amber-900">
              {t("unpaid", { number: invoice.number ?? "", amount: money(invoice.totalMinor - invoice.paidMinor, invoice.currency) })}
            </p>
            <PayRenewalButton
              invoiceId={invoice.id}
              amount={money(invoice.totalMinor - invoice.paidMinor, invoice.currency)}
              stripeJsUrl={stripeJsUrl}
            />
          </div>
        ))}
        {subs.length > 0 && (
          <ul className="divide-y divide-stone-100 rounded-md border border-stone-200">
            {subs.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="my-subscription">
                <div className="min-w-0">
                  {scope.memberIds.length > 1 && s.memberName && <p className="text-xs font-medium text-stone-500">{s.memberName}</p>}
                  <SubscriptionSummary s={s} timeZone={timeZone} fallbackName={t("fallbackName")} locale={locale} />
                </div>
                {/* Pausing stops payments: the one who pays decides, for their own subscription. */}
                {mayPause && scope.canPay && isLiveSubscription(s.status) && (
                  <MyPauseButtons
                    subscriptionId={s.id}
                    planName={s.planName ?? t("yourSubscription")}
                    paused={s.pauseBehavior ? { resumesOn: s.pauseResumesAt && localDate(s.pauseResumesAt, timeZone) } : null}
                    today={localDate(new Date(), timeZone)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {scope.canPay && (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-stone-700">
              {card?.kind === "sepa_debit" ? (
                <SavedMandate dojoId={dojoId} memberId={memberId} timeZone={timeZone} account={card} />
              ) : card ? (
                t.rich("savedCard", {
                  card: cardName(card),
                  expires: `${String(card.expMonth).padStart(2, "0")}/${card.expYear}`,
                  strong: (chunks) => <span className="font-medium">{chunks}</span>,
                })
              ) : (
                t("noCard")
              )}
            </p>
            <ReplaceCardButton stripeJsUrl={stripeJsUrl} hasCard={!!card} />
          </div>
        )}
      </CardBody>
    </Card>
  );
}
