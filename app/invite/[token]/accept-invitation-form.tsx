"use client";
import { useFollowRedirect } from "@/components/forms/use-follow-redirect";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/staff/schemas";
import { acceptStaffInvitation } from "./actions";

export function AcceptInvitationForm({ token, name }: { token: string; name: string }) {
  const followRedirect = useFollowRedirect();
  const { form, submit, formError, pending } = useActionForm<AcceptInvitationInput, { redirectTo: string }>({
    action: acceptStaffInvitation,
    resolver: zodResolver(acceptInvitationSchema),
    defaultValues: { token, name },
    onSuccess: followRedirect,
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <input type="hidden" {...form.register("token")} />
      <Field label="Your name" error={e.name?.message}>
        <Input autoComplete="name" {...form.register("name")} />
      </Field>
      <Field label="Choose a password" error={e.password?.message} hint="At least 10 characters">
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Button type="submit" className="w-full" pending={pending}>
        Join and log in
      </Button>
    </form>
  );
}
