"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { Banknote } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { MANUAL_METHODS, manualPaymentSchema, type ManualPaymentValues } from "@/lib/payments/schemas";
import { toMajorString } from "@/lib/money";
import { formatIn } from "@/lib/i18n/format";
import { recordPaymentAction } from "../actions";

interface RecordPaymentDialogProps {
  invoiceId: string;
  currency: string;
  openMinor: number;
  today: string;
}

/** Cash or bank transfer, full or partial; the amount starts at what is still open. */
export function RecordPaymentDialog({ invoiceId, currency, openMinor, today }: RecordPaymentDialogProps) {
  const router = useRouter();
  const t = useTranslations("staff.invoices");
  const f = formatIn(useLocale());
  const [open, setOpen] = useState(false);
  const defaults: ManualPaymentValues = { invoiceId, method: "cash", amount: toMajorString(openMinor, currency), paidOn: today, reference: "" };
  const { form, submit, formError, pending } = useActionForm<ManualPaymentValues, { status: string }>({
    action: recordPaymentAction,
    defaultValues: defaults,
    resolver: zodResolver(manualPaymentSchema, undefined, { raw: true }),
    successMessage: t("record.recorded"),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) form.reset(defaults);
        setOpen(next);
      }}
      trigger={
        <Button>
          <Banknote className="size-4" aria-hidden />
          {t("record.title")}
        </Button>
      }
      title={t("record.title")}
      description={t("record.stillOpen", { amount: f.money(openMinor, currency) })}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label={t("record.method")} error={e.method?.message}>
          <Select {...form.register("method")}>
            {MANUAL_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`method.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("record.amount", { currency })} required error={e.amount?.message}>
            <Input inputMode="decimal" {...form.register("amount")} />
          </Field>
          <Field label={t("record.paidOn")} required error={e.paidOn?.message}>
            <Input type="date" {...form.register("paidOn")} />
          </Field>
        </div>
        <Field label={t("record.reference")} error={e.reference?.message} hint={t("record.referenceHint")}>
          <Input {...form.register("reference")} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {t("record.cancel")}
          </Button>
          <Button type="submit" pending={pending}>
            {t("record.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
