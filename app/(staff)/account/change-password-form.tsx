"use client";
import { useFollowRedirect } from "@/components/forms/use-follow-redirect";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/staff/schemas";
import { changePassword } from "./actions";

export function ChangePasswordForm() {
  const followRedirect = useFollowRedirect();
  const t = useTranslations("staff.account.password");
  const { form, submit, formError, pending } = useActionForm<ChangePasswordInput, { redirectTo: string }>({
    action: changePassword,
    resolver: zodResolver(changePasswordSchema),
    successMessage: t("saved"),
    onSuccess: followRedirect,
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <Field label={t("current")} error={e.currentPassword?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <Field label={t("new")} error={e.newPassword?.message} hint={t("newHint")}>
        <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </Field>
      <Field label={t("again")} error={e.confirmPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
      </Field>
      <Button type="submit" pending={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
