import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cardName } from "@/lib/stripe/card-name";
import { formatMoney } from "@/lib/money";
import { memberSavedCard } from "@/lib/payments/card/card-availability";
import { formatDate } from "@/lib/dates";
import { subscriptionStatus } from "@/components/subscriptions/subscription-status";
import { intervalLabel } from "@/lib/subscriptions/labels";
import { memberSubscriptionRows } from "@/lib/subscriptions/member-overview";
import { PayRenewalButton, ReplaceCardButton } from "./subscription-buttons";

/** The member's subscriptions, saved card and unpaid subscription invoices (pay or confirm them here). */
export async function MemberSubscriptionsCard({ dojoId, timeZone, memberId, stripeJsUrl }: { dojoId: string; timeZone: string; memberId: string; stripeJsUrl: string | null }) {
  const db = await getDb();
  const [subs, card, unpaid] = await Promise.all([
    memberSubscriptionRows(db, dojoId, memberId),
    memberSavedCard(db, dojoId, memberId),
    db
      .select()
      .from(invoices)
      .where(and(eq(invoices.dojoId, dojoId), eq(invoices.memberId, memberId), eq(invoices.source, "subscription"), eq(invoices.status, "open"))),
  ]);
  if (subs.length === 0 && !card) return null;
  return (
    <Card id="subscriptions">
      <CardHeader title="Subscriptions and card" />
      <CardBody className="space-y-5">
        {unpaid.map((invoice) => (
          <div key={invoice.id} className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="unpaid-renewal">
            <p className="text-sm text-amber-900">
              Invoice {invoice.number}: {formatMoney(invoice.totalMinor - invoice.paidMinor, invoice.currency)} could not be charged or needs your bank&apos;s confirmation.
            </p>
            <PayRenewalButton invoiceId={invoice.id} amount={formatMoney(invoice.totalMinor - invoice.paidMinor, invoice.currency)} stripeJsUrl={stripeJsUrl} />
          </div>
        ))}
        {subs.length > 0 && (
          <ul className="divide-y divide-stone-100 rounded-md border border-stone-200">
            {subs.map((s) => {
              const status = subscriptionStatus(s.status, s.cancelAtPeriodEnd);
              const live = s.status !== "canceled" && s.status !== "incomplete_expired";
              return (
                <li key={s.id} className="px-3 py-2">
                  <p className="font-medium text-stone-900">
                    {s.planName ?? "Subscription"} <Badge tone={status.tone}>{status.label}</Badge>
                  </p>
                  <p className="text-sm text-stone-600">
                    {s.amountMinor !== null && formatMoney(s.amountMinor, s.currency)}
                    {s.interval && ` ${intervalLabel(s.interval, s.intervalCount ?? 1)}`}
                    {live && s.currentPeriodEnd && (s.cancelAtPeriodEnd ? ` · ends ${formatDate(s.currentPeriodEnd, timeZone)}` : ` · next payment ${formatDate(s.currentPeriodEnd, timeZone)}`)}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-stone-700">{card ? <>Saved card: <span className="font-medium">{cardName(card)}</span>, expires {String(card.expMonth).padStart(2, "0")}/{card.expYear}</> : "No saved card."}</p>
          <ReplaceCardButton stripeJsUrl={stripeJsUrl} hasCard={!!card} />
        </div>
      </CardBody>
    </Card>
  );
}
