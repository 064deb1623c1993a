import type { Metadata } from "next";
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
import { comparePlans, FEATURE_LABELS, PLAN_CURRENCY, PLAN_FEATURES, PLAN_NAMES, PLAN_PRICES, PLANS, type Feature } from "@/lib/account-plans/features";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { cn } from "@/lib/cn";
import { moneyLocale } from "@/lib/i18n/locales";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffLocale } from "@/lib/i18n/staff-session";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import type { Translate } from "@/lib/i18n/messages";
import { ChangeCardButton, DowngradeButton, SubscribeButton, UpgradeButton } from "./plan-buttons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: staffTranslator(await staffLocale(), "staff.settings.account.change")("metaTitle") };
}

// The page's words and numbers in the dashboard's language, handed to its parts.
interface Words {
  t: Translate;
  locale: StaffLocale;
}

const planPrice = (plan: Plan, interval: BillingInterval, locale: StaffLocale) => formatMoney(PLAN_PRICES[plan][interval], PLAN_CURRENCY, moneyLocale(locale));
const price = (plan: Plan, interval: BillingInterval, { t, locale }: Words) => t("price", { amount: planPrice(plan, interval, locale), unit: interval });

function Highlights({ plan, words: { t, locale } }: { plan: Plan; words: Words }) {
  const f = PLAN_FEATURES[plan];
  const plans = staffTranslator(locale, "staff.settings.plans");
  const items = [
    ...(Object.keys(FEATURE_LABELS) as Feature[]).filter((k) => f[k]).map((k) => plans(`features.${k}`)),
    f.monthlyEmailVolume ? t("emails", { n: f.monthlyEmailVolume }) : null,
    t("staffUsers", { n: f.staffUsers }),
  ].filter(Boolean);
  return (
    <ul className="space-y-1.5 text-sm text-stone-700">
      <li className="text-stone-500">{t("base")}</li>
      {items.map((item) => (
        <li key={item} className="flex gap-2">
          <Check className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
          {item}
        </li>
      ))}
    </ul>
  );
}

function PlanCard({ plan, interval, current, words, children }: { plan: Plan; interval: BillingInterval; current: boolean; words: Words; children: React.ReactNode }) {
  const { t, locale } = words;
  return (
    <Card className={cn("flex flex-col", current && "border-brand-300 ring-1 ring-brand-200")} data-testid={`plan-${plan}`}>
      <CardBody className="flex flex-1 flex-col gap-4">
        <div>
          <h2 className="flex items-center gap-2 text-lg font-semibold text-stone-900">
            {PLAN_NAMES[plan]} {current && <Badge tone="green">{t("yourPlan")}</Badge>}
          </h2>
          <p className="mt-1 text-2xl font-semibold tabular-nums text-stone-900">
            {planPrice(plan, interval, locale)}
            <span className="text-sm font-normal text-stone-500"> {t("per", { unit: interval })}</span>
          </p>
        </div>
        <Highlights plan={plan} words={words} />
        <div className="mt-auto pt-2">{children}</div>
      </CardBody>
    </Card>
  );
}

function QuoteView({ quote, stripeJsUrl, timeZone, words }: { quote: UpgradeQuote; stripeJsUrl: string | null; timeZone: string; words: Words }) {
  const { t, locale } = words;
  const money = (minor: number) => formatMoney(minor, quote.currency, moneyLocale(locale));
  const amount = money(quote.amountDue);
  const days = (s: number) => Math.round(s / 86_400);
  const remaining = days(quote.period.end - quote.prorationDate);
  const total = days(quote.period.end - quote.period.start);
  return (
    <Card data-testid="upgrade-quote">
      <CardHeader title={t("quoteTitle", { plan: PLAN_NAMES[quote.to] })} description={t("quoteDescription", { plan: PLAN_NAMES[quote.from], unit: quote.interval })} />
      <CardBody className="space-y-5">
        <div className="rounded-lg bg-stone-50 p-4">
          <p className="text-sm text-stone-600">{t("dueNow")}</p>
          <p className="text-3xl font-semibold tabular-nums text-stone-900" data-testid="amount-due">
            {amount}
          </p>
          <p className="mt-2 text-sm text-stone-600">
            {t("rest", { remaining, total, date: formatDate(new Date(quote.period.end * 1000), timeZone, locale), plan: PLAN_NAMES[quote.to], price: price(quote.to, quote.interval, words) })}
          </p>
        </div>
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <tbody>
            {quote.lines.map((line) => (
              <tr key={line.description} className="border-b border-stone-100">
                <td className="py-2 pr-3 text-stone-700">{line.description}</td>
                <td className="py-2 text-right whitespace-nowrap tabular-nums">{money(line.amount)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="py-2 pr-3 text-left font-semibold">
                {t("totalDue")}
              </th>
              <td className="py-2 text-right font-semibold tabular-nums">{amount}</td>
            </tr>
          </tbody>
        </table>
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-stone-200 px-3 py-2 text-sm">
          <span data-testid="plan-card">{quote.card ? t("chargedTo", { card: cardName(quote.card) }) : t("noCard")}</span>
          <ChangeCardButton stripeJsUrl={stripeJsUrl} hasCard={!!quote.card} />
        </div>
        {quote.card ? (
          <UpgradeButton plan={quote.to} prorationDate={quote.prorationDate} amountLabel={amount} stripeJsUrl={stripeJsUrl} />
        ) : (
          <p className="text-sm text-stone-600">{t("addCard")}</p>
        )}
        <p className="text-xs text-stone-500">{t("applies", { plan: PLAN_NAMES[quote.to] })}</p>
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
  const locale = await staffLocale();
  const t = staffTranslator(locale, "staff.settings.account.change");
  const words: Words = { t, locale };
  const date = (value: Date) => formatDate(value, dojo.timeZone, locale);

  const back = (
    <Link href="/settings/account" className="inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
      <ArrowLeft className="size-4" aria-hidden /> {t("back")}
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
        problem = error instanceof AppError ? presentError(error, {}, locale).error : t("quoteFailed");
      }
      return (
        <div className="space-y-4">
          {back}
          {quote ? <QuoteView quote={quote} stripeJsUrl={stripeJsUrl} timeZone={dojo.timeZone} words={words} /> : <FormError message={problem} />}
        </div>
      );
    }
    const effectiveOn = billing.currentPeriodEnd ? date(billing.currentPeriodEnd) : t("periodEnd");
    return (
      <div className="space-y-4">
        {back}
        <p className="text-sm text-stone-600">
          {trialing
            ? t("trialing", { date: effectiveOn })
            : billing.currentPeriodEnd
              ? t("billed", { unit: interval, date: date(billing.currentPeriodEnd) })
              : t("billedNoDate", { unit: interval })}
        </p>
        {changing && (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {trialing ? t("changingTrial", { plan: PLAN_NAMES[changing] }) : t("changingScheduled", { plan: PLAN_NAMES[changing] })} {t("keepOnAccount", { plan: PLAN_NAMES[stored.plan] })}
          </p>
        )}
        <div className="grid gap-4 md:grid-cols-3">
          {PLANS.map((plan) => {
            const diff = comparePlans(stored.plan, plan);
            return (
              <PlanCard key={plan} plan={plan} interval={interval} current={diff === 0} words={words}>
                {diff === 0 ? (
                  <p className="text-sm text-stone-500">{t("currentPlan")}</p>
                ) : changing || (trialing && diff > 0) ? null : diff > 0 ? (
                  <Link href={`/settings/account/plan?to=${plan}`} className="inline-flex h-10 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 sm:w-auto">
                    {t("upgradeTo", { plan: PLAN_NAMES[plan] })}
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
  const trialEnd = trial.kind === "trial" ? date(trial.endsAt) : null;
  return (
    <div className="space-y-4">
      {back}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600">
          {trialEnd ? t("chooseTrial", { date: trialEnd }) : t("choose")}
        </p>
        <nav aria-label={t("intervalNav")} className="inline-flex rounded-md border border-stone-300 p-0.5 text-sm">
          {(["month", "year"] as const).map((i) => (
            <Link
              key={i}
              href={`/settings/account/plan?interval=${i}`}
              aria-current={i === interval ? "page" : undefined}
              className={cn("rounded px-3 py-1.5", i === interval ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-100")}
            >
              {staffTranslator(locale, "staff.settings.plans.interval")(i)}
            </Link>
          ))}
        </nav>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {PLANS.map((plan) => (
          <PlanCard key={plan} plan={plan} interval={interval} current={false} words={words}>
            <SubscribeButton plan={plan} interval={interval} priceLabel={price(plan, interval, words)} trialEnd={trialEnd} timeZone={dojo.timeZone} stripeJsUrl={stripeJsUrl} />
          </PlanCard>
        ))}
      </div>
    </div>
  );
}
