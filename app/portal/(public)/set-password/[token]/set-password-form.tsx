"use client";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { setPortalPasswordSchema, type SetPortalPasswordInput } from "@/lib/portal/invitation-schema";
import { setPasswordFromInvitation } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { form, submit, formError, pending } = useActionForm<SetPortalPasswordInput, { redirectTo: string }>({
    action: setPasswordFromInvitation,
    resolver: zodResolver(setPortalPasswordSchema),
    defaultValues: { token, password: "", confirm: "" },
    onSuccess: (data) => {
      router.replace(data.redirectTo);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <input type="hidden" {...form.register("token")} />
      <Field label="Choose a password" error={e.password?.message} hint="At least 10 characters">
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field label="Repeat it" error={e.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" className="w-full" pending={pending}>
        Set password and log in
      </Button>
    </form>
  );
}
