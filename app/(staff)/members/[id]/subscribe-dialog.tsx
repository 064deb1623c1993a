"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Repeat } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { moneyLocale, type Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import { intervalKey } from "../interval";
import { subscribeAction } from "./stripe-actions";

interface PlanOption {
  id: string;
  name: string;
  amountMinor: number;
  currency: string;
  interval: string;
  intervalCount: number;
  trialDays: number | null;
  signupFeeMinor: number | null;
}

// The first payments that need the member before the subscription runs: a note for the toast (a SEPA debit waits for the bank).
const OUTCOME = { action_required: "actionRequired", failed: "failed", processing: "processing" } as const;

/** Subscribe the member to a plan: their default card is charged at once. */
export function SubscribeDialog({ memberId, plans, hasCard }: { memberId: string; plans: PlanOption[]; hasCard: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const members = useTranslations("staff.members");
  const t = useTranslations("staff.members.member.subscribe");
  const locale = moneyLocale(useLocale() as Locale);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const [open, setOpen] = useState(false);
  const [planId, setPlanId] = useState(plans[0]?.id ?? "");
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const plan = plans.find((p) => p.id === planId);

  async function subscribe() {
    setError(null);
    setPending(true);
    const result = await subscribeAction({ memberId, planId, attempt });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setAttempt(crypto.randomUUID());
    const outcome = OUTCOME[result.data.firstPayment as keyof typeof OUTCOME];
    const note = outcome && t(outcome);
    const title = note ? t("pending") : plan?.trialDays ? t("trialStarted", { days: plan.trialDays }) : t("paid");
    toast({ tone: note ? "info" : "success", title, description: note });
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setError(null);
        setOpen(next);
      }}
      trigger={
        <Button size="sm" disabled={!hasCard} title={hasCard ? undefined : t("needsCard")}>
          <Repeat className="size-4" aria-hidden />
          {t("trigger")}
        </Button>
      }
      title={t("title")}
      description={t("description")}
    >
      {plans.length === 0 ? (
        <p className="text-sm text-stone-600">
          {t.rich("noPlans", {
            link: (chunks) => (
              <Link href="/members/plans" className="text-brand-700 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <div className="space-y-4">
          <FormError message={error} />
          <Field label={t("plan")}>
            <Select value={planId} onChange={(e) => setPlanId(e.target.value)}>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {members("plans.price", { amount: money(p.amountMinor, p.currency), interval: members(intervalKey(p.interval), { count: p.intervalCount }) })}
                  {p.trialDays ? t("optionTrial", { days: p.trialDays }) : ""}
                  {p.signupFeeMinor ? t("optionFee", { amount: money(p.signupFeeMinor, p.currency) }) : ""}
                </option>
              ))}
            </Select>
          </Field>
          {plan?.signupFeeMinor ? (
            <p className="text-sm text-stone-600" data-testid="signup-fee-note">
              {t(plan.trialDays ? "feeNoteTrial" : "feeNote", { amount: money(plan.signupFeeMinor, plan.currency) })}
            </p>
          ) : null}
          <div className="flex justify-end">
            <Button onClick={() => void subscribe()} pending={pending} disabled={!plan}>
              {plan?.trialDays ? t("startTrial", { days: plan.trialDays }) : t("charge", { amount: plan ? money(plan.amountMinor + (plan.signupFeeMinor ?? 0), plan.currency) : "" })}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
