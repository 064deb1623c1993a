"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { manualEntrySchema, type ManualEntryInput } from "@/lib/ledger/schemas";
import { addLedgerEntry } from "./actions";

interface AddEntryDialogProps {
  currency: string;
  /** Today's date from the server, so the default never differs between server and browser. */
  today: string;
  categories: string[];
}

export function AddEntryDialog({ currency, today, categories }: AddEntryDialogProps) {
  const router = useRouter();
  const t = useTranslations("staff.ledger.add");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const blank: ManualEntryInput = { kind: "cost", date: today, category: "", description: "", amount: "" };
  const { form, submit, formError, pending } = useActionForm<ManualEntryInput, { id: string }>({
    action: addLedgerEntry,
    resolver: zodResolver(manualEntrySchema),
    defaultValues: blank,
    successMessage: t("added"),
    onSuccess: () => {
      setOpen(false);
      form.reset(blank);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button>
          <Plus className="size-4" aria-hidden />
          {t("button")}
        </Button>
      }
      title={t("title")}
      description={t("description")}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field label={t("kind")} error={e.kind?.message}>
            <Select {...form.register("kind")}>
              <option value="cost">{t("cost")}</option>
              <option value="revenue">{t("revenue")}</option>
            </Select>
          </Field>
          <Field label={t("date")} required error={e.date?.message}>
            <Input type="date" {...form.register("date")} />
          </Field>
        </div>
        <Field label={t("category")} required error={e.category?.message} hint={categories.length ? t("categoryHintUsed") : t("categoryHintNew")}>
          <Input list={listId} autoComplete="off" {...form.register("category")} />
        </Field>
        <datalist id={listId}>
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Field label={t("entryDescription")} required error={e.description?.message}>
          <Input {...form.register("description")} />
        </Field>
        <Field label={t("amount", { currency })} required error={e.amount?.message}>
          <Input inputMode="decimal" autoComplete="off" placeholder="0.00" className="tabular-nums" {...form.register("amount")} />
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
