"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useController, useFieldArray, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useValidationText } from "@/components/ui/use-validation-text";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import type { MemberOption } from "@/lib/invoices/member-options";
import { EMPTY_LINE } from "@/lib/invoices/form-values";
import { invoiceInputSchema, type InvoiceFormValues } from "@/lib/invoices/schemas";
import { parseAmount } from "@/lib/money";
import { formatIn } from "@/lib/i18n/format";
import { createInvoiceAction, updateInvoiceAction } from "./actions";
import { MemberPicker } from "./member-picker";

interface InvoiceFormProps {
  currency: string;
  /** Set when editing a draft. */
  invoiceId?: string;
  defaultValues: InvoiceFormValues;
  member: MemberOption | null;
}

// What the line would cost, or null while it is not a valid amount yet (the server decides).
function lineAmount(line: { quantity?: unknown; unitPrice?: string } | undefined, currency: string): number | null {
  const quantity = Number(line?.quantity);
  const price = parseAmount(line?.unitPrice ?? "", currency);
  if (!Number.isInteger(quantity) || quantity < 1 || !price.ok) return null;
  return quantity * price.minor;
}

export function InvoiceForm({ currency, invoiceId, defaultValues, member: initialMember }: InvoiceFormProps) {
  const router = useRouter();
  const t = useTranslations("staff.invoices.form");
  const f = formatIn(useLocale());
  const shown = useValidationText();
  const [member, setMember] = useState<MemberOption | null>(initialMember);
  const { form, submit, formError, pending } = useActionForm<InvoiceFormValues, { id: string }>({
    action: (values) => (invoiceId ? updateInvoiceAction({ ...values, id: invoiceId }) : createInvoiceAction(values)),
    defaultValues,
    resolver: zodResolver(invoiceInputSchema, undefined, { raw: true }),
    successMessage: invoiceId ? t("saved") : t("created"),
    onSuccess: ({ id }) => router.push(`/invoices/${id}`),
  });
  const { register, control, setValue, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "lines" });
  const { field: memberField } = useController({ control, name: "memberId" });
  const lines = useWatch({ control, name: "lines" });
  const amounts = (lines ?? []).map((line) => lineAmount(line, currency));
  const total = amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const e = formState.errors;
  const [submitting, setSubmitting] = useState<"draft" | "issue" | null>(null);

  return (
    <form
      onSubmit={async (ev) => {
        await submit(ev);
        setSubmitting(null);
      }}
      className="space-y-6"
      noValidate
    >
      <FormError message={formError} />
      <Field label={t("member")} required error={e.memberId?.message}>
        <MemberPicker
          value={member}
          onChange={(m) => {
            setMember(m);
            memberField.onChange(m?.id ?? "");
          }}
        />
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("issueDate")} required error={e.issueDate?.message}>
          <Input type="date" {...register("issueDate")} />
        </Field>
        <Field label={t("dueDate")} required error={e.dueDate?.message}>
          <Input type="date" {...register("dueDate")} />
        </Field>
      </div>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-stone-700">{t("lines")}</legend>
        {e.lines?.message && (
          <p role="alert" className="text-sm text-red-600">
            {shown(e.lines.message)}
          </p>
        )}
        {e.lines?.root?.message && (
          <p role="alert" className="text-sm text-red-600">
            {shown(e.lines.root.message)}
          </p>
        )}
        {fields.map((field, i) => {
          const le = e.lines?.[i];
          return (
            <div key={field.id} className="grid grid-cols-2 gap-x-3 gap-y-2 rounded-lg border border-stone-200 bg-stone-50/60 p-3 sm:grid-cols-[minmax(0,1fr)_6rem_8rem_7rem_auto] sm:items-start sm:border-0 sm:bg-transparent sm:p-0">
              <Field label={t("description")} required error={le?.description?.message} className="col-span-2 sm:col-span-1">
                <Input {...register(`lines.${i}.description`)} placeholder={t("descriptionPlaceholder")} />
              </Field>
              <Field label={t("quantity")} required error={le?.quantity?.message}>
                <Input inputMode="numeric" {...register(`lines.${i}.quantity`)} />
              </Field>
              <Field label={t("unitPrice", { currency })} required error={le?.unitPrice?.message}>
                <Input inputMode="decimal" placeholder="0.00" {...register(`lines.${i}.unitPrice`)} />
              </Field>
              <div className="space-y-1">
                <span className="block text-sm font-medium text-stone-700">{t("amount")}</span>
                <p className="flex h-10 items-center justify-end text-sm tabular-nums">{amounts[i] === null ? "—" : f.money(amounts[i]!, currency)}</p>
              </div>
              <div className="flex items-end justify-end sm:pt-6">
                <Button type="button" variant="ghost" size="sm" className="h-10" aria-label={t("removeLine", { n: i + 1 })} disabled={fields.length === 1} onClick={() => remove(i)}>
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </div>
            </div>
          );
        })}
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 pt-3">
          <Button type="button" variant="secondary" size="sm" onClick={() => append(EMPTY_LINE)}>
            <Plus className="size-4" aria-hidden />
            {t("addLine")}
          </Button>
          <p className="text-base">
            {t("total")} <span className="ml-2 text-lg font-semibold tabular-nums" aria-live="polite">{f.money(total, currency)}</span>
          </p>
        </div>
      </fieldset>

      <Field label={t("notes")} error={e.notes?.message} hint={t("notesHint")}>
        <Textarea rows={3} {...register("notes")} />
      </Field>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button
          type="submit"
          variant="secondary"
          pending={pending && submitting === "draft"}
          disabled={pending}
          onClick={() => {
            setSubmitting("draft");
            setValue("issue", false);
          }}
        >
          {t("saveDraft")}
        </Button>
        <Button
          type="submit"
          pending={pending && submitting === "issue"}
          disabled={pending}
          onClick={() => {
            setSubmitting("issue");
            setValue("issue", true);
          }}
        >
          {invoiceId ? t("saveAndIssue") : t("createAndIssue")}
        </Button>
      </div>
    </form>
  );
}
