"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { useToast } from "@/components/ui/toast";
import { createCustomerAction, setCustomerIdAction } from "./stripe-actions";

/** "Set customer ID": link a customer that already exists in the dojo's Stripe account. */
export function SetCustomerIdDialog({ memberId, current }: { memberId: string; current: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const t = useTranslations("staff.members.member.customer");
  const { form, submit, formError, pending } = useActionForm<{ customerId: string }, { customerId: string }>({
    action: ({ customerId }) => setCustomerIdAction({ memberId, customerId }),
    defaultValues: { customerId: current ?? "" },
    successMessage: t("linked"),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="secondary" size="sm">
          {t("setId")}
        </Button>
      }
      title={t("setIdTitle")}
      description={t("setIdDescription")}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label={t("id")} error={form.formState.errors.customerId?.message} hint={t("idHint")}>
          <Input autoComplete="off" spellCheck={false} className="font-mono" placeholder={t("idPlaceholder")} {...form.register("customerId")} />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" pending={pending}>
            {t("link")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function CreateCustomerButton({ memberId }: { memberId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const t = useTranslations("staff.members.member.customer");
  return (
    <Button
      size="sm"
      pending={pending}
      onClick={async () => {
        setPending(true);
        const result = await createCustomerAction({ memberId });
        setPending(false);
        if (!result.ok) return toast({ tone: "error", title: result.error });
        toast({ tone: "success", title: t("created"), description: result.data.customerId });
        router.refresh();
      }}
    >
      <UserPlus className="size-4" aria-hidden />
      {t("create")}
    </Button>
  );
}
