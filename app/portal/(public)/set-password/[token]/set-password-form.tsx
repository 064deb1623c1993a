"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { setPortalPasswordSchema, type SetPortalPasswordInput } from "@/lib/portal/invitation-schema";
import { setPasswordFromInvitation } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("setPassword");
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
      <Field label={t("password")} error={e.password?.message} hint={t("passwordHint")}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field label={t("repeat")} error={e.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" className="w-full" pending={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
