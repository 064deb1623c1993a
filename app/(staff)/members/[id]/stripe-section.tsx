import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Dojo } from "@/db/schema";
import { memberStripeOverview } from "@/lib/subscriptions/member-overview";
import { SubscriptionSummary } from "@/components/subscriptions/subscription-summary";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { PauseSubscriptionButtons } from "./pause-subscription-buttons";
import { PauseHistory } from "./pause-history";
import { SubscriptionFees } from "./subscription-fees";
import { AddCardDialog } from "./add-card-dialog";
import { CardLinkButtons } from "./card-link-buttons";
import { CreateCustomerButton, SetCustomerIdDialog } from "./customer-buttons";
import { SavedCards } from "./saved-cards";
import { SubscribeDialog } from "./subscribe-dialog";
import { CancelSubscriptionButton } from "./cancel-subscription-button";
import { CustomerImportStatus } from "./customer-import-status";
import { localDate } from "@/lib/dates";
import { staffT } from "@/lib/i18n/staff-session";

/** The member's Stripe customer, saved cards and subscriptions; only when the dojo's Stripe is connected. */
export async function MemberStripeSection({ dojo, member }: { dojo: Pick<Dojo, "id" | "plan" | "timeZone">; member: { id: string; firstName: string } }) {
  const overview = await memberStripeOverview(await getDb(), dojo, member.id);
  if (!overview.connected) return null;
  const { customerId, cards, cardsError } = overview;
  const t = await staffT("staff.members.member.stripe");
  const hasDefaultCard = !!cards?.some((c) => c.isDefault) || (cards?.length ?? 0) > 0;
  return (
    <Card data-testid="member-stripe">
      <CardHeader
        title="Stripe"
        description={
          <>
            {overview.familyPaid && t("familyPaid")}
            {customerId ? <span className="font-mono text-xs">{customerId}</span> : t("notLinked")}
          </>
        }
        actions={
          <>
            <SetCustomerIdDialog memberId={member.id} current={customerId} />
            {!customerId && <CreateCustomerButton memberId={member.id} />}
          </>
        }
      />
      <CardBody className="space-y-5">
        {overview.customerImport && overview.customerImport.customerId === customerId && <CustomerImportStatus value={overview.customerImport} />}
        <div className="flex flex-wrap gap-2">
          <AddCardDialog memberId={member.id} firstName={member.firstName} stripeJsUrl={overview.stripeJsUrl} />
          <CardLinkButtons memberId={member.id} />
        </div>
        <section aria-label={t("savedCards")} className="space-y-2">
          <h3 className="text-sm font-semibold text-stone-800">{t("savedCards")}</h3>
          {cardsError ? (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{cardsError}</p>
          ) : !cards || cards.length === 0 ? (
            <p className="text-sm text-stone-500">{t("noCard")}</p>
          ) : (
            <SavedCards memberId={member.id} cards={cards} />
          )}
        </section>
        {overview.subscriptionsAllowed && (
          <section aria-label={t("subscriptions")} className="space-y-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-stone-800">{t("subscriptions")}</h3>
              <div className="flex flex-wrap items-center gap-3">
                <Link href="/members/plans" className="text-sm text-brand-700 hover:underline">
                  {t("plans")}
                </Link>
                <SubscribeDialog memberId={member.id} plans={overview.plans} hasCard={hasDefaultCard && !!customerId} />
              </div>
            </div>
            {overview.subscriptions.length === 0 ? (
              <p className="text-sm text-stone-500">{t("noSubscriptions")}</p>
            ) : (
              <ul className="divide-y divide-stone-100 rounded-md border border-stone-200">
                {overview.subscriptions.map((s) => {
                  const live = s.status !== "canceled" && s.status !== "incomplete_expired";
                  return (
                    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="subscription-row">
                      <SubscriptionSummary s={s} timeZone={dojo.timeZone} fallbackName={t("planFromStripe")} />
                      {live && (
                        <div className="flex flex-wrap gap-1">
                          {isLiveSubscription(s.status) && (
                            <PauseSubscriptionButtons
                              memberId={member.id}
                              firstName={member.firstName}
                              subscriptionId={s.id}
                              planName={s.planName ?? t("thisPlan")}
                              paused={s.pauseBehavior ? { resumesOn: s.pauseResumesAt && localDate(s.pauseResumesAt, dojo.timeZone) } : null}
                              today={localDate(new Date(), dojo.timeZone)}
                            />
                          )}
                          <CancelSubscriptionButton memberId={member.id} subscriptionId={s.id} planName={s.planName ?? t("thisPlan")} cancelAtPeriodEnd={s.cancelAtPeriodEnd} />
                        </div>
                      )}
                      {live && (
                        <SubscriptionFees
                          memberId={member.id}
                          subscriptionId={s.id}
                          currency={s.currency}
                          fees={overview.pendingFees[s.id] ?? []}
                          canAdd={isLiveSubscription(s.status) && !s.pauseBehavior && !s.cancelAtPeriodEnd}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {overview.pauseHistory.length > 0 && <PauseHistory events={overview.pauseHistory} subscriptions={overview.subscriptions} timeZone={dojo.timeZone} />}
          </section>
        )}
      </CardBody>
    </Card>
  );
}
