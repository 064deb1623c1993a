"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import type { BillingInterval, Plan } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { PLAN_NAMES } from "@/lib/account-plans/features";
import { loadStripeJs } from "@/components/stripe/load-stripe";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { confirmUpgradeAction, openCardCheckoutAction, openSubscribeCheckoutAction, scheduleDowngradeAction, upgradePlanAction } from "../actions";
import { CheckoutDialog } from "./checkout-dialog";

/** `trialEnd`: the formatted end of the free trial, when the plan is chosen during it. */
export function SubscribeButton({ plan, interval, priceLabel, trialEnd, timeZone, stripeJsUrl }: { plan: Plan; interval: BillingInterval; priceLabel: string; trialEnd: string | null; timeZone: string; stripeJsUrl: string | null }) {
  const router = useRouter();
  const toast = useToast();
  const open = useCallback(() => openSubscribeCheckoutAction({ plan, interval }), [plan, interval]);
  return (
    <CheckoutDialog
      label={`Choose ${PLAN_NAMES[plan]}`}
      title={trialEnd ? `${PLAN_NAMES[plan]} from ${trialEnd}` : `Subscribe to ${PLAN_NAMES[plan]}`}
      description={
        trialEnd
          ? `${priceLabel}, first charged on ${trialEnd} when your free trial ends, then at each renewal. Nothing is charged now.`
          : `${priceLabel}, charged now and then at each renewal. Cancel or change any time.`
      }
      stripeJsUrl={stripeJsUrl}
      open={open}
      onDone={(result) => {
        toast(
          result.kind === "scheduled"
            ? { tone: "success", title: `${PLAN_NAMES[plan]} from ${formatDate(result.startsAt, timeZone)}`, description: "Your card is saved; you keep every Ultimate feature until then." }
            : { tone: "success", title: `Welcome to ${PLAN_NAMES[plan]}`, description: "Your plan is active." },
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
  const open = useCallback(() => openCardCheckoutAction({}), []);
  return (
    <CheckoutDialog
      label={hasCard ? "Change card" : "Add a card"}
      variant="secondary"
      title="Card for your plan"
      description="Your plan and its renewals are charged to this card. Nothing is charged now."
      stripeJsUrl={stripeJsUrl}
      open={open}
      onDone={() => {
        toast({ tone: "success", title: "Card saved", description: "Your plan is now charged to the new card." });
        router.refresh();
      }}
    />
  );
}

/** Pays the upgrade with the plan's card; when the bank asks, 3-D Secure runs here in Stripe.js. */
export function UpgradeButton({ plan, prorationDate, amountLabel, stripeJsUrl }: { plan: Plan; prorationDate: number; amountLabel: string; stripeJsUrl: string | null }) {
  const router = useRouter();
  const toast = useToast();
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
      if (result.data.status !== "upgraded") return setError("Your bank has not confirmed the payment. Your plan is unchanged; please try again.");
      toast({ tone: "success", title: `Your dojo is on ${PLAN_NAMES[plan]} now`, description: `${formatMoney(result.data.amountPaid, result.data.currency)} was charged.` });
      router.push("/settings/account");
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The payment could not be completed. Your plan is unchanged; please try again.");
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button onClick={() => void pay()} pending={pending} className="w-full sm:w-auto">
        Pay {amountLabel} and upgrade
      </Button>
    </div>
  );
}

/** `effectiveOn` is the formatted date the period ends. */
export function DowngradeButton({ plan, effectiveOn }: { plan: Plan; effectiveOn: string }) {
  const router = useRouter();
  const toast = useToast();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" className="w-full sm:w-auto">
          Switch to {PLAN_NAMES[plan]}
        </Button>
      }
      title={`Switch to ${PLAN_NAMES[plan]} on ${effectiveOn}?`}
      description={`You keep your current plan until ${effectiveOn}; from then on you pay the ${PLAN_NAMES[plan]} price and features above ${PLAN_NAMES[plan]} lock. No data is deleted, and you can change your mind until then.`}
      confirmLabel={`Switch to ${PLAN_NAMES[plan]}`}
      onConfirm={async () => {
        const result = await scheduleDowngradeAction({ plan });
        toast(result.ok ? { tone: "success", title: `${PLAN_NAMES[plan]} from ${effectiveOn}` } : { tone: "error", title: result.error });
        if (result.ok) {
          router.push("/settings/account");
          router.refresh();
        }
        return result.ok;
      }}
    />
  );
}
