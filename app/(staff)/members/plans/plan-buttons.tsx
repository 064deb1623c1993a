"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
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
  const { form, submit, formError, pending } = useActionForm<PlanFormInput, { id: string }>({
    action: (values) => createPlanAction({ ...values, attempt }),
    defaultValues: { name: "", amount: "", interval: "month", intervalCount: 1 },
    successMessage: "Plan created in Stripe",
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
          New plan
        </Button>
      }
      title="New subscription plan"
      description="Creates the product and its recurring price in your Stripe account."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label="Name" error={errors.name?.message}>
          <Input placeholder="Judo adults, monthly" {...form.register("name")} />
        </Field>
        <Field label={`Amount (${currency})`} error={errors.amount?.message}>
          <Input inputMode="decimal" placeholder="45.00" {...form.register("amount")} />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Every" error={errors.intervalCount?.message}>
            <Input type="number" min={1} max={52} {...form.register("intervalCount")} />
          </Field>
          <Field label="Period" error={errors.interval?.message}>
            <Select {...form.register("interval")}>
              <option value="week">week(s)</option>
              <option value="month">month(s)</option>
              <option value="year">year(s)</option>
            </Select>
          </Field>
        </div>
        <div className="flex justify-end">
          <Button type="submit" pending={pending}>
            Create plan
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function ArchivePlanButton({ planId, name, archived }: { planId: string; name: string; archived: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const run = async (next: boolean) => {
    const result = await archivePlanAction({ planId, archived: next });
    if (!result.ok) {
      toast({ tone: "error", title: result.error });
      return false;
    }
    toast({ tone: "success", title: next ? `${name} archived` : `${name} restored` });
    router.refresh();
    return true;
  };
  if (archived)
    return (
      <Button variant="ghost" size="sm" onClick={() => void run(false)}>
        Restore
      </Button>
    );
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          Archive
        </Button>
      }
      title={`Archive ${name}?`}
      description="Nobody new can subscribe to it. Members already subscribed keep being charged until their subscription is cancelled."
      confirmLabel="Archive plan"
      onConfirm={() => run(true)}
    />
  );
}
