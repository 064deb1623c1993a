import Link from "next/link";
import { eq } from "drizzle-orm";
import { ArrowLeft, Check } from "lucide-react";
import { getDb } from "@/db/client";
import { dojos, type BillingInterval, type Plan } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormError } from "@/components/forms/form-error";
import { cardName } from "@/lib/stripe/card-name";
import { AppError } from "@/lib/action-result";
import { presentError } from "@/lib/action-errors";
import { requireStaffPage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { getBilling } from "@/lib/account-plans/billing-account";
import { trialState } from "@/lib/account-plans/effective-plan";
import { quoteUpgrade, type UpgradeQuote } from "@/lib/account-plans/upgrade";
import { comparePlans, FEATURE_LABELS, INTERVAL_LABELS, PLAN_CURRENCY, PLAN_FEATURES, PLAN_NAMES, PLAN_PRICES, PLANS, type Feature } from "@/lib/account-plans/features";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { cn } from "@/lib/cn";
import { ChangeCardButton, DowngradeButton, SubscribeButton, UpgradeButton } from "./plan-buttons";

export const metadata = { title: "Change plan · Settings" };

const price = (plan: Plan, interval: BillingInterval) => `${formatMoney(PLAN_PRICES[plan][interval], PLAN_CURRENCY)} / ${interval}`;

function Highlights({ plan }: { plan: Plan }) {
  const f = PLAN_FEATURES[plan];
  const items = [
    ...(Object.keys(FEATURE_LABELS) as Feature[]).filter((k) => f[k]).map((k) => FEATURE_LABELS[k]),
    f.monthlyEmailVolume ? `${f.monthlyEmailVolume.toLocaleString("en-US")} e-mails a month` : null,
    `${f.staffUsers} staff users`,
  ].filter(Boolean);
  return (
    <ul className="space-y-1.5 text-sm text-stone-700">
      <li className="text-stone-500">Members, invoices, costs &amp; revenues</li>
      {items.map((item) => (
        <li key={item} className="flex gap-2">
          <Check className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
          {item}
        </li>
      ))}
    </ul>
  );
}

function PlanCard({ plan, interval, current, children }: { plan: Plan; interval: BillingInterval; current: boolean; children: React.ReactNode }) {
  return (
    <Card className={cn("flex flex-col", current && "border-brand-300 ring-1 ring-brand-200")} data-testid={`plan-${plan}`}>
      <CardBody className="flex flex-1 flex-col gap-4">
        <div>
          <h2 className="flex items-center gap-2 text-lg font-semibold text-stone-900">
            {PLAN_NAMES[plan]} {current && <Badge tone="green">Your plan</Badge>}
          </h2>
          <p className="mt-1 text-2xl font-semibold tabular-nums text-stone-900">
            {formatMoney(PLAN_PRICES[plan][interval], PLAN_CURRENCY)}
            <span className="text-sm font-normal text-stone-500"> / {interval}</span>
          </p>
        </div>
        <Highlights plan={plan} />
        <div className="mt-auto pt-2">{children}</div>
      </CardBody>
    </Card>
  );
}

function QuoteView({ quote, stripeJsUrl, timeZone }: { quote: UpgradeQuote; stripeJsUrl: string | null; timeZone: string }) {
  const amount = formatMoney(quote.amountDue, quote.currency);
  const days = (s: number) => Math.round(s / 86_400);
  const remaining = days(quote.period.end - quote.prorationDate);
  const total = days(quote.period.end - quote.period.start);
  return (
    <Card data-testid="upgrade-quote">
      <CardHeader title={`Upgrade to ${PLAN_NAMES[quote.to]}`} description={`From ${PLAN_NAMES[quote.from]}, billed ${INTERVAL_LABELS[quote.interval].toLowerCase()}.`} />
      <CardBody className="space-y-5">
        <div className="rounded-lg bg-stone-50 p-4">
          <p className="text-sm text-stone-600">Due now</p>
          <p className="text-3xl font-semibold tabular-nums text-stone-900" data-testid="amount-due">
            {amount}
          </p>
          <p className="mt-2 text-sm text-stone-600">
            The price difference for the rest of this period: about {remaining} of {total} days, until {formatDate(new Date(quote.period.end * 1000), timeZone)}. From then on{" "}
            {PLAN_NAMES[quote.to]} renews at {price(quote.to, quote.interval)}.
          </p>
        </div>
        <table className="w-full text-sm">
          <caption className="sr-only">How the amount due is made up</caption>
          <tbody>
            {quote.lines.map((line) => (
              <tr key={line.description} className="border-b border-stone-100">
                <td className="py-2 pr-3 text-stone-700">{line.description}</td>
                <td className="py-2 text-right whitespace-nowrap tabular-nums">{formatMoney(line.amount, quote.currency)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="py-2 pr-3 text-left font-semibold">
                Total due now
              </th>
              <td className="py-2 text-right font-semibold tabular-nums">{amount}</td>
            </tr>
          </tbody>
        </table>
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-stone-200 px-3 py-2 text-sm">
          <span data-testid="plan-card">{quote.card ? `Charged to ${cardName(quote.card)}` : "No card on file yet"}</span>
          <ChangeCardButton stripeJsUrl={stripeJsUrl} hasCard={!!quote.card} />
        </div>
        {quote.card ? (
          <UpgradeButton plan={quote.to} prorationDate={quote.prorationDate} amountLabel={amount} stripeJsUrl={stripeJsUrl} />
        ) : (
          <p className="text-sm text-stone-600">Add a card to pay the upgrade.</p>
        )}
        <p className="text-xs text-stone-500">{PLAN_NAMES[quote.to]} applies as soon as the payment succeeds; your bank may ask you to confirm it. If the card is declined, nothing changes.</p>
      </CardBody>
    </Card>
  );
}

export default async function ChangePlanPage({ searchParams }: { searchParams: Promise<{ to?: string; interval?: string }> }) {
  const { dojo } = await requireStaffPage("settings.account");
  const params = await searchParams;
  const db = await getDb();
  const [billing, [stored]] = await Promise.all([getBilling(db, dojo.id), db.select({ plan: dojos.plan }).from(dojos).where(eq(dojos.id, dojo.id))]);
  const stripeJsUrl = env().STRIPE_JS_URL ?? null;
  const subscribed = !!billing?.stripeSubscriptionId && isLiveSubscription(billing.subscriptionStatus);
  const to = PLANS.find((p) => p === params.to);

  const back = (
    <Link href="/settings/account" className="inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
      <ArrowLeft className="size-4" aria-hidden /> Account
    </Link>
  );

  if (subscribed && billing?.interval) {
    const interval = billing.interval;
    // A plan chosen during the trial waits in pendingPlan too; only a different one is a change.
    const changing = billing.pendingPlan && billing.pendingPlan !== stored.plan ? billing.pendingPlan : null;
    const trialing = billing.subscriptionStatus === "trialing";
    if (to && comparePlans(stored.plan, to) > 0 && !changing && !trialing) {
      let quote: UpgradeQuote | null = null;
      let problem: string | null = null;
      try {
        quote = await quoteUpgrade(db, dojo, to);
      } catch (error) {
        if (!(error instanceof AppError)) console.error("Upgrade preview failed", error);
        problem = error instanceof AppError ? presentError(error).error : "Stripe could not compute the amount right now. Please try again in a moment.";
      }
      return (
        <div className="space-y-4">
          {back}
          {quote ? <QuoteView quote={quote} stripeJsUrl={stripeJsUrl} timeZone={dojo.timeZone} /> : <FormError message={problem} />}
        </div>
      );
    }
    const effectiveOn = billing.currentPeriodEnd ? formatDate(billing.currentPeriodEnd, dojo.timeZone) : "the end of the period";
    return (
      <div className="space-y-4">
        {back}
        <p className="text-sm text-stone-600">
          {trialing
            ? `Your free trial runs until ${effectiveOn}. A smaller plan chosen now starts then, when your card is first charged.`
            : `Billed ${INTERVAL_LABELS[interval].toLowerCase()}. An upgrade applies at once and you pay only the difference for the rest of the period; a smaller plan starts when the
          period ends${billing.currentPeriodEnd ? ` (${formatDate(billing.currentPeriodEnd, dojo.timeZone)})` : ""}.`}
        </p>
        {changing && (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {trialing ? `${PLAN_NAMES[changing]} starts when your trial ends.` : `A change to ${PLAN_NAMES[changing]} is scheduled.`} Keep {PLAN_NAMES[stored.plan]} on the Account
            page to change again.
          </p>
        )}
        <div className="grid gap-4 md:grid-cols-3">
          {PLANS.map((plan) => {
            const diff = comparePlans(stored.plan, plan);
            return (
              <PlanCard key={plan} plan={plan} interval={interval} current={diff === 0}>
                {diff === 0 ? (
                  <p className="text-sm text-stone-500">Your current plan</p>
                ) : changing || (trialing && diff > 0) ? null : diff > 0 ? (
                  <Link href={`/settings/account/plan?to=${plan}`} className="inline-flex h-10 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 sm:w-auto">
                    Upgrade to {PLAN_NAMES[plan]}
                  </Link>
                ) : (
                  <DowngradeButton plan={plan} effectiveOn={effectiveOn} />
                )}
              </PlanCard>
            );
          })}
        </div>
      </div>
    );
  }

  const interval: BillingInterval = params.interval === "year" ? "year" : "month";
  const trial = trialState(billing);
  const trialEnd = trial.kind === "trial" ? formatDate(trial.endsAt, dojo.timeZone) : null;
  return (
    <div className="space-y-4">
      {back}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600">
          {trialEnd
            ? `Choose the plan your dojo continues with after the free trial. It starts on ${trialEnd}: your card is saved now and first charged then. Until then you keep every Ultimate feature.`
            : "Choose the plan for your dojo. You pay now and then at each renewal; upgrade any time for the difference."}
        </p>
        <nav aria-label="Billing interval" className="inline-flex rounded-md border border-stone-300 p-0.5 text-sm">
          {(["month", "year"] as const).map((i) => (
            <Link
              key={i}
              href={`/settings/account/plan?interval=${i}`}
              aria-current={i === interval ? "page" : undefined}
              className={cn("rounded px-3 py-1.5", i === interval ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-100")}
            >
              {INTERVAL_LABELS[i]}
            </Link>
          ))}
        </nav>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {PLANS.map((plan) => (
          <PlanCard key={plan} plan={plan} interval={interval} current={false}>
            <SubscribeButton plan={plan} interval={interval} priceLabel={price(plan, interval)} trialEnd={trialEnd} timeZone={dojo.timeZone} stripeJsUrl={stripeJsUrl} />
          </PlanCard>
        ))}
      </div>
    </div>
  );
}
