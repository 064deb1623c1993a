"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useToast } from "@/components/ui/toast";
import type { PlanFormInput } from "@/lib/subscriptions/schemas";
import { archivePlanAction, createPlanAction } from "./actions";

export function CreatePlanDialog({ currency }: { currency: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const t = useTranslations("staff.members.plans.create");
  const { form, submit, formError, pending } = useActionForm<PlanFormInput, { id: string }>({
    action: (values) => createPlanAction({ ...values, attempt }),
    defaultValues: { name: "", amount: "", interval: "month", intervalCount: 1, trialDays: "", signupFee: "" },
    successMessage: t("created"),
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
        <Button>
          <Plus className="size-4" aria-hidden />
          {t("trigger")}
        </Button>
      }
      title={t("title")}
      description={t("description")}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label={t("name")} error={errors.name?.message}>
          <Input placeholder={t("namePlaceholder")} {...form.register("name")} />
        </Field>
        <Field label={t("amount", { currency })} error={errors.amount?.message}>
          <Input inputMode="decimal" placeholder="45.00" {...form.register("amount")} />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("every")} error={errors.intervalCount?.message}>
            <Input type="number" min={1} max={52} {...form.register("intervalCount")} />
          </Field>
          <Field label={t("period")} error={errors.interval?.message}>
            <Select {...form.register("interval")}>
              <option value="week">{t("weeks")}</option>
              <option value="month">{t("months")}</option>
              <option value="year">{t("years")}</option>
            </Select>
          </Field>
        </div>
        <Field label={t("trial")} error={errors.trialDays?.message} hint={t("trialHint")}>
          <Input type="number" min={1} max={730} inputMode="numeric" {...form.register("trialDays")} />
        </Field>
        <Field label={t("signupFee", { currency })} error={errors.signupFee?.message} hint={t("signupFeeHint")}>
          <Input inputMode="decimal" placeholder="30.00" {...form.register("signupFee")} />
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

export function ArchivePlanButton({ planId, name, archived }: { planId: string; name: string; archived: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.members.plans.archive");
  const run = async (next: boolean) => {
    const result = await archivePlanAction({ planId, archived: next });
    if (!result.ok) {
      toast({ tone: "error", title: result.error });
      return false;
    }
    toast({ tone: "success", title: next ? t("archived", { name }) : t("restored", { name }) });
    router.refresh();
    return true;
  };
  if (archived)
    return (
      <Button variant="ghost" size="sm" onClick={() => void run(false)}>
        {t("restore")}
      </Button>
    );
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          {t("trigger")}
        </Button>
      }
      title={t("title", { name })}
      description={t("description")}
      confirmLabel={t("confirm")}
      onConfirm={() => run(true)}
    />
  );
}
