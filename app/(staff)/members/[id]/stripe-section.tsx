import Link from "next/link";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Dojo } from "@/db/schema";
import { formatMoney } from "@/lib/money";
import { memberStripeOverview } from "@/lib/subscriptions/member-overview";
import { subscriptionStatus } from "@/components/subscriptions/subscription-status";
import { intervalLabel } from "@/lib/subscriptions/labels";
import { AddCardDialog } from "./add-card-dialog";
import { CardLinkButtons } from "./card-link-buttons";
import { CreateCustomerButton, SetCustomerIdDialog } from "./customer-buttons";
import { SavedCards } from "./saved-cards";
import { SubscribeDialog } from "./subscribe-dialog";
import { CancelSubscriptionButton } from "./cancel-subscription-button";
import { CustomerImportStatus } from "./customer-import-status";
import { formatDate } from "@/lib/dates";


/** The member's Stripe customer, saved cards and subscriptions; only when the dojo's Stripe is connected. */
export async function MemberStripeSection({ dojo, member }: { dojo: Pick<Dojo, "id" | "plan" | "timeZone">; member: { id: string; firstName: string } }) {
  const overview = await memberStripeOverview(await getDb(), dojo, member.id);
  if (!overview.connected) return null;
  const { customerId, cards, cardsError } = overview;
  const hasDefaultCard = !!cards?.some((c) => c.isDefault) || (cards?.length ?? 0) > 0;
  return (
    <Card data-testid="member-stripe">
      <CardHeader
        title="Stripe"
        description={customerId ? <span className="font-mono text-xs">{customerId}</span> : "Not linked to a Stripe customer yet."}
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
        <section aria-label="Saved cards" className="space-y-2">
          <h3 className="text-sm font-semibold text-stone-800">Saved cards</h3>
          {cardsError ? (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{cardsError}</p>
          ) : !cards || cards.length === 0 ? (
            <p className="text-sm text-stone-500">No saved card. Add one now with the member present, or send them the card link.</p>
          ) : (
            <SavedCards memberId={member.id} cards={cards} />
          )}
        </section>
        {overview.subscriptionsAllowed && (
          <section aria-label="Subscriptions" className="space-y-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-stone-800">Subscriptions</h3>
              <div className="flex flex-wrap items-center gap-3">
                <Link href="/members/plans" className="text-sm text-brand-700 hover:underline">
                  Plans
                </Link>
                <SubscribeDialog memberId={member.id} plans={overview.plans} hasCard={hasDefaultCard && !!customerId} />
              </div>
            </div>
            {overview.subscriptions.length === 0 ? (
              <p className="text-sm text-stone-500">No subscriptions. Subscribe the member to a plan to charge their card every period.</p>
            ) : (
              <ul className="divide-y divide-stone-100 rounded-md border border-stone-200">
                {overview.subscriptions.map((s) => {
                  const status = subscriptionStatus(s.status, s.cancelAtPeriodEnd);
                  const live = s.status !== "canceled" && s.status !== "incomplete_expired";
                  return (
                    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="subscription-row">
                      <div className="min-w-0">
                        <p className="font-medium text-stone-900">
                          {s.planName ?? "Plan from Stripe"} <Badge tone={status.tone}>{status.label}</Badge>
                        </p>
                        <p className="text-sm text-stone-600">
                          {s.amountMinor !== null && `${formatMoney(s.amountMinor, s.currency)}${s.interval ? ` ${intervalLabel(s.interval, s.intervalCount ?? 1)}` : ""}`}
                          {live && s.currentPeriodEnd && (s.cancelAtPeriodEnd ? ` · ends ${formatDate(s.currentPeriodEnd, dojo.timeZone)}` : ` · next payment ${formatDate(s.currentPeriodEnd, dojo.timeZone)}`)}
                        </p>
                      </div>
                      {live && <CancelSubscriptionButton memberId={member.id} subscriptionId={s.id} planName={s.planName ?? "this plan"} cancelAtPeriodEnd={s.cancelAtPeriodEnd} />}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        )}
      </CardBody>
    </Card>
  );
}
