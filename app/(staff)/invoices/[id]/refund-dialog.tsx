"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Undo2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { parseAmount, toMajorString } from "@/lib/money";
import { formatIn, type Formats } from "@/lib/i18n/format";
import { refundPaymentSchema, type RefundPaymentValues } from "@/lib/payments/refunds/schemas";
import { refundCardPaymentAction } from "./refund-actions";

type Words = ReturnType<typeof useTranslations<"staff.invoices.refund">>;

function amountProblem(input: string | undefined, currency: string, refundableMinor: number, t: Words, f: Formats): string | null {
  const amount = parseAmount(input ?? "", currency);
  if (!amount.ok) return input?.trim() ? amount.message : t("enterAmount");
  if (amount.minor <= 0) return t("moreThanZero");
  if (amount.minor > refundableMinor) return t("atMost", { amount: f.money(refundableMinor, currency) });
  return null;
}

interface RefundDialogProps {
  paymentId: string;
  currency: string;
  paidMinor: number;
  refundableMinor: number;
  paidOn: string;
}

/**
 * "Refund" on a card payment: amount (the refundable rest by default) and reason, then a
 * confirmation step. The nonce is made when the dialog opens and kept until it closes, so a
 * second click or a retry after an error can never refund twice.
 */
export function RefundDialog({ paymentId, currency, paidMinor, refundableMinor, paidOn }: RefundDialogProps) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.invoices.refund");
  const f = formatIn(useLocale());
  const formatMoney = f.money;
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<"form" | "confirm">("form");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [reviewed, setReviewed] = useState<{ amountMinor: number; reason: string } | null>(null);
  const defaults = (): RefundPaymentValues => ({ paymentId, amount: toMajorString(refundableMinor, currency), reason: "", nonce: crypto.randomUUID() });
  // The schema's checks plus the amount read in the payment's currency against what is refundable, all shown at once.
  const resolver: Resolver<RefundPaymentValues> = async (values, context, options) => {
    const result = await zodResolver(refundPaymentSchema, undefined, { raw: true })(values, context, options);
    const problem = amountProblem(values.amount, currency, refundableMinor, t, f);
    return problem ? { values: {}, errors: { ...result.errors, amount: { type: "validate", message: problem } } } : result;
  };
  const form = useForm<RefundPaymentValues>({ defaultValues: defaults(), resolver });
  const e = form.formState.errors;
  const amountText = reviewed ? formatMoney(reviewed.amountMinor, currency) : "";
  const full = reviewed?.amountMinor === refundableMinor;

  const review = form.handleSubmit((v) => {
    setError(null);
    const amount = parseAmount(v.amount, currency);
    if (!amount.ok) return;
    setReviewed({ amountMinor: amount.minor, reason: v.reason.trim() });
    setStep("confirm");
  });

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      const result = await refundCardPaymentAction(form.getValues());
      if (result.ok) {
        toast({ tone: "success", title: t("made"), description: t("madeDescription", { amount: formatMoney(result.data.amountMinor, result.data.currency) }) });
        setOpen(false);
        router.refresh();
        return;
      }
      setError(result.error);
      const fieldErrors = Object.entries(result.fieldErrors ?? {}).filter(([key]) => key !== "_form");
      for (const [key, messages] of fieldErrors) form.setError(key as keyof RefundPaymentValues, { message: messages[0] });
      if (fieldErrors.length > 0) setStep("form");
    } catch {
      // The request itself failed (network): the same nonce makes a retry safe.
      setError(t("notConfirmed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (next) {
          form.reset(defaults());
          setStep("form");
          setError(null);
        }
        setOpen(next);
      }}
      trigger={
        <Button variant="secondary" size="sm" aria-label={t("trigger", { amount: formatMoney(paidMinor, currency) })}>
          <Undo2 className="size-4" aria-hidden />
          <span className="hidden sm:inline">{t("button")}</span>
        </Button>
      }
      title={step === "form" ? t("formTitle") : t("confirmTitle")}
      description={t("description", { amount: formatMoney(paidMinor, currency), date: paidOn, refundable: formatMoney(refundableMinor, currency) })}
    >
      {step === "form" ? (
        <form onSubmit={review} className="space-y-4" noValidate>
          <FormError message={error} />
          <Field label={t("amount", { currency })} error={e.amount?.message} hint={t("amountHint")}>
            <Input inputMode="decimal" autoComplete="off" {...form.register("amount")} />
          </Field>
          <Field label={t("reason")} error={e.reason?.message} hint={t("reasonHint")}>
            <Textarea rows={3} maxLength={500} {...form.register("reason")} />
          </Field>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit">{t("review")}</Button>
          </div>
        </form>
      ) : (
        <div className="space-y-4">
          <FormError message={error} />
          <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            <p>
              {t.rich(full ? "goesBackFull" : "goesBack", { amount: amountText, strong: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span> })}
            </p>
            <p className="mt-2">
              <span className="font-medium">{t("reasonLabel")}</span> <span className="break-words whitespace-pre-line">{reviewed?.reason}</span>
            </p>
          </div>
          <p className="text-sm text-stone-600">{t("ledgerNote", { amount: amountText })}</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setStep("form")}>
              {t("back")}
            </Button>
            <Button type="button" variant="danger" pending={pending} onClick={confirm}>
              {t("confirm", { amount: amountText })}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
