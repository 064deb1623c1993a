"use client";
import { useTranslations } from "next-intl";
import { useFollowRedirect } from "./use-follow-redirect";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "./form-error";
import { useActionForm } from "./use-action-form";
import type { ActionResult } from "@/lib/action-result";

// Both logins take these; each action reads the identifier it knows.
type LoginValues = { email: string; uid: string; password: string };

interface LoginFormProps {
  /** "email" for staff, "uid" for the members area. */
  idField: "email" | "uid";
  action: (values: LoginValues) => Promise<ActionResult<{ redirectTo: string }>>;
}

/** Words: components.login (the members area in the member's language, staff in English for now). */
export function LoginForm({ idField, action }: LoginFormProps) {
  const t = useTranslations("components.login");
  const followRedirect = useFollowRedirect();
  const { form, submit, formError, pending } = useActionForm<LoginValues, { redirectTo: string }>({
    action,
    onSuccess: followRedirect,
  });
  const e = form.formState.errors;
  return (
    // method="post": if the form is submitted before the page's script runs, the browser posts
    // it instead of putting the password in the URL.
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      {idField === "email" ? (
        <Field label={t("email")} error={e.email?.message}>
          <Input type="email" autoComplete="username" {...form.register("email")} />
        </Field>
      ) : (
        <Field label={t("uid")} error={e.uid?.message} hint={t("uidHint")}>
          <Input autoComplete="username" autoCapitalize="characters" className="uppercase tracking-widest" {...form.register("uid")} />
        </Field>
      )}
      <Field label={t("password")} error={e.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      <Button type="submit" className="w-full" pending={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
