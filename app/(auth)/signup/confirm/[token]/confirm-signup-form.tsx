"use client";
import { useTranslations } from "next-intl";
import { useFollowRedirect } from "@/components/forms/use-follow-redirect";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { confirmSignupAction } from "./actions";

export function ConfirmSignupForm({ token }: { token: string }) {
  const followRedirect = useFollowRedirect();
  const t = useTranslations("staff.auth.confirm");
  const { form, submit, formError, pending } = useActionForm<{ token: string }, { redirectTo: string }>({
    action: confirmSignupAction,
    defaultValues: { token },
    onSuccess: followRedirect,
  });
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <input type="hidden" {...form.register("token")} />
      <Button type="submit" className="w-full" pending={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
