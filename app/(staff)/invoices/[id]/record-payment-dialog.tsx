"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { Banknote } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { MANUAL_METHODS, manualPaymentSchema, METHOD_LABELS, type ManualPaymentValues } from "@/lib/payments/schemas";
import { formatMoney, toMajorString } from "@/lib/money";
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
  const [open, setOpen] = useState(false);
  const defaults: ManualPaymentValues = { invoiceId, method: "cash", amount: toMajorString(openMinor, currency), paidOn: today, reference: "" };
  const { form, submit, formError, pending } = useActionForm<ManualPaymentValues, { status: string }>({
    action: recordPaymentAction,
    defaultValues: defaults,
    resolver: zodResolver(manualPaymentSchema, undefined, { raw: true }),
    successMessage: "Payment recorded",
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
          Record payment
        </Button>
      }
      title="Record payment"
      description={`${formatMoney(openMinor, currency)} is still open.`}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label="Method" error={e.method?.message}>
          <Select {...form.register("method")}>
            {MANUAL_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </Select>
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={`Amount (${currency})`} required error={e.amount?.message}>
            <Input inputMode="decimal" {...form.register("amount")} />
          </Field>
          <Field label="Paid on" required error={e.paidOn?.message}>
            <Input type="date" {...form.register("paidOn")} />
          </Field>
        </div>
        <Field label="Reference" error={e.reference?.message} hint="Optional, e.g. the bank transfer's reference.">
          <Input {...form.register("reference")} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={pending}>
            Record payment
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
