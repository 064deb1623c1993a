"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { BillingInterval, Plan } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { PLAN_NAMES } from "@/lib/account-plans/features";
import { loadStripeJs } from "@/components/stripe/load-stripe";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { moneyLocale } from "@/lib/i18n/locales";
import { confirmUpgradeAction, openCardCheckoutAction, openSubscribeCheckoutAction, scheduleDowngradeAction, upgradePlanAction } from "../actions";
import { CheckoutDialog } from "./checkout-dialog";

/** `trialEnd`: the formatted end of the free trial, when the plan is chosen during it. */
export function SubscribeButton({ plan, interval, priceLabel, trialEnd, timeZone, stripeJsUrl }: { plan: Plan; interval: BillingInterval; priceLabel: string; trialEnd: string | null; timeZone: string; stripeJsUrl: string | null }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.settings.account.subscribe");
  const locale = useLocale();
  const name = PLAN_NAMES[plan];
  const open = useCallback(() => openSubscribeCheckoutAction({ plan, interval }), [plan, interval]);
  return (
    <CheckoutDialog
      label={t("label", { plan: name })}
      title={trialEnd ? t("titleTrial", { plan: name, date: trialEnd }) : t("title", { plan: name })}
      description={trialEnd ? t("descriptionTrial", { price: priceLabel, date: trialEnd }) : t("description", { price: priceLabel })}
      stripeJsUrl={stripeJsUrl}
      open={open}
      onDone={(result) => {
        toast(
          result.kind === "scheduled"
            ? { tone: "success", title: t("scheduled", { plan: name, date: formatDate(result.startsAt, timeZone, locale) }), description: t("scheduledDescription") }
            : { tone: "success", title: t("welcome", { plan: name }), description: t("active") },
        );
        router.push("/settings/account");
        router.refresh();
      }}
    />
  );
}

export function ChangeCardButton({ stripeJsUrl, hasCard }: { stripeJsUrl: string | null; hasCard: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.settings.account.card");
  const open = useCallback(() => openCardCheckoutAction({}), []);
  return (
    <CheckoutDialog
      label={hasCard ? t("change") : t("add")}
      variant="secondary"
      title={t("title")}
      description={t("description")}
      stripeJsUrl={stripeJsUrl}
      open={open}
      onDone={() => {
        toast({ tone: "success", title: t("saved"), description: t("savedDescription") });
        router.refresh();
      }}
    />
  );
}

/** Pays the upgrade with the plan's card; when the bank asks, 3-D Secure runs here in Stripe.js. */
export function UpgradeButton({ plan, prorationDate, amountLabel, stripeJsUrl }: { plan: Plan; prorationDate: number; amountLabel: string; stripeJsUrl: string | null }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.settings.account.upgrade");
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function pay() {
    setError(null);
    setPending(true);
    try {
      let result = await upgradePlanAction({ plan, prorationDate });
      if (result.ok && result.data.status === "requires_action") {
        const stripe = await loadStripeJs(result.data.publishableKey, stripeJsUrl);
        // The bank's challenge; whatever the browser says, the server reads the outcome from Stripe.
        await stripe.handleNextAction({ clientSecret: result.data.clientSecret });
        result = await confirmUpgradeAction({ requestId: result.data.requestId });
      }
      if (!result.ok) return setError(result.error);
      if (result.data.status !== "upgraded") return setError(t("notConfirmed"));
      toast({ tone: "success", title: t("done", { plan: PLAN_NAMES[plan] }), description: t("charged", { amount: formatMoney(result.data.amountPaid, result.data.currency, moneyLocale(locale)) }) });
      router.push("/settings/account");
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : t("failed"));
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button onClick={() => void pay()} pending={pending} className="w-full sm:w-auto">
        {t("pay", { amount: amountLabel })}
      </Button>
    </div>
  );
}

/** `effectiveOn` is the formatted date the period ends. */
export function DowngradeButton({ plan, effectiveOn }: { plan: Plan; effectiveOn: string }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.settings.account.downgrade");
  const name = PLAN_NAMES[plan];
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" className="w-full sm:w-auto">
          {t("button", { plan: name })}
        </Button>
      }
      title={t("title", { plan: name, date: effectiveOn })}
      description={t("description", { plan: name, date: effectiveOn })}
      confirmLabel={t("button", { plan: name })}
      onConfirm={async () => {
        const result = await scheduleDowngradeAction({ plan });
        toast(result.ok ? { tone: "success", title: t("done", { plan: name, date: effectiveOn }) } : { tone: "error", title: result.error });
        if (result.ok) {
          router.push("/settings/account");
          router.refresh();
        }
        return result.ok;
      }}
    />
  );
}
