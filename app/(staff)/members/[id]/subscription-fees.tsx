"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useToast } from "@/components/ui/toast";
import { moneyLocale, type Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import type { PendingFee } from "@/lib/subscriptions/fees";
import type { AddFeeInput } from "@/lib/subscriptions/schemas";
import { addSubscriptionFeeAction, removeSubscriptionFeeAction } from "./stripe-actions";

type Props = { memberId: string; subscriptionId: string; currency: string; fees: PendingFee[]; canAdd: boolean };

/** A subscription's fees waiting for its next invoice (sign-up, grading …), with add and remove. */
export function SubscriptionFees({ memberId, subscriptionId, currency, fees, canAdd }: Props) {
  const t = useTranslations("staff.members.member.fees");
  const locale = useLocale() as Locale;
  if (fees.length === 0 && !canAdd) return null;
  return (
    <div className="w-full space-y-1" data-testid="subscription-fees">
      {fees.length > 0 && (
        <ul className="space-y-1 text-sm">
          {fees.map((fee) => (
            <li key={fee.id} className="flex items-center justify-between gap-2 rounded bg-stone-50 px-2 py-1" data-testid="pending-fee">
              {/* A long fee name wraps inside its text; Remove stays on the right of its line. */}
              <span className="min-w-0 flex-1 text-stone-700">
                {fee.description} <span className="tabular-nums text-stone-900">{formatMoney(fee.amountMinor, fee.currency, moneyLocale(locale))}</span>
                <span className="text-stone-500">{t("onNextInvoice")}</span>
              </span>
              <RemoveFeeButton memberId={memberId} subscriptionId={subscriptionId} fee={fee} />
            </li>
          ))}
        </ul>
      )}
      {canAdd && <AddFeeDialog memberId={memberId} subscriptionId={subscriptionId} currency={currency} />}
    </div>
  );
}

function AddFeeDialog({ memberId, subscriptionId, currency }: { memberId: string; subscriptionId: string; currency: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const t = useTranslations("staff.members.member.fees");
  const { form, submit, formError, pending } = useActionForm<Omit<AddFeeInput, "subscriptionId" | "attempt">, PendingFee>({
    action: (values) => addSubscriptionFeeAction({ ...values, subscriptionId, attempt, memberId }),
    defaultValues: { description: "", amount: "" },
    successMessage: t("added"),
    onSuccess: () => {
      setOpen(false);
      setAttempt(crypto.randomUUID());
      form.reset();
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm">
          <Plus className="size-4" aria-hidden />
          {t("add")}
        </Button>
      }
      title={t("add")}
      description={t("description")}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label={t("whatFor")} error={errors.description?.message}>
          <Input placeholder={t("whatForPlaceholder")} {...form.register("description")} />
        </Field>
        <Field label={t("amount", { currency })} error={errors.amount?.message}>
          <Input inputMode="decimal" placeholder="25.00" {...form.register("amount")} />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" pending={pending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveFeeButton({ memberId, subscriptionId, fee }: { memberId: string; subscriptionId: string; fee: PendingFee }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.members.member.fees");
  const locale = useLocale() as Locale;
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="shrink-0">
          {t("remove")}
        </Button>
      }
      title={t("removeTitle", { description: fee.description })}
      description={t("removeDescription", { amount: formatMoney(fee.amountMinor, fee.currency, moneyLocale(locale)) })}
      confirmLabel={t("removeConfirm")}
      onConfirm={async () => {
        const result = await removeSubscriptionFeeAction({ memberId, subscriptionId, invoiceItemId: fee.id });
        if (!result.ok) {
          toast({ tone: "error", title: result.error });
          return false;
        }
        toast({ tone: "success", title: t("removed") });
        router.refresh();
        return true;
      }}
    />
  );
}
