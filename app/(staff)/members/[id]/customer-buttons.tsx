"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
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
  const { form, submit, formError, pending } = useActionForm<{ customerId: string }, { customerId: string }>({
    action: ({ customerId }) => setCustomerIdAction({ memberId, customerId }),
    defaultValues: { customerId: current ?? "" },
    successMessage: "Stripe customer linked",
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
          Set customer ID
        </Button>
      }
      title="Set Stripe customer ID"
      description="For a member who is already a customer in your Stripe account. Their saved cards and subscriptions then show here, and the subscription payments Stripe already collected become paid invoices."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label="Customer ID" error={form.formState.errors.customerId?.message} hint="In Stripe: Customers → the customer → the ID starting with cus_.">
          <Input autoComplete="off" spellCheck={false} className="font-mono" placeholder="cus_…" {...form.register("customerId")} />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" pending={pending}>
            Link customer
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
  return (
    <Button
      size="sm"
      pending={pending}
      onClick={async () => {
        setPending(true);
        const result = await createCustomerAction({ memberId });
        setPending(false);
        if (!result.ok) return toast({ tone: "error", title: result.error });
        toast({ tone: "success", title: "Customer created in Stripe", description: result.data.customerId });
        router.refresh();
      }}
    >
      <UserPlus className="size-4" aria-hidden />
      Create customer in Stripe
    </Button>
  );
}
