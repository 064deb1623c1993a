"use client";
import { useState } from "react";
import { MailCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { currentTimeZone } from "@/lib/dates";
import { CURRENCIES } from "@/lib/money";
import type { SignupInput } from "@/lib/dojos/signup";
import { signUp } from "./actions";

function slugify(name: string) {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
}

export function SignupForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const t = useTranslations("staff.auth.signup");
  const { form, submit, formError, pending } = useActionForm<SignupInput, { sentTo: string }>({
    action: signUp,
    defaultValues: { currency: "EUR", timeZone: currentTimeZone() },
    onSuccess: (data) => setSentTo(data.sentTo),
  });
  const { register, formState, setValue, getFieldState } = form;
  const e = formState.errors;
  if (sentTo) {
    return (
      <div role="status" className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
        <p className="flex items-center gap-2 font-semibold">
          <MailCheck className="size-5 shrink-0" aria-hidden /> {t("sentTitle")}
        </p>
        <p>
          {t.rich("sent", { email: sentTo, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}
        </p>
        <p className="text-emerald-800">{t("nothingThere")}</p>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <input type="hidden" {...register("timeZone")} />
      <Field label={t("dojoName")} error={e.dojoName?.message}>
        <Input
          autoComplete="organization"
          {...register("dojoName", {
            onChange: (ev) => {
              if (!getFieldState("slug").isDirty) setValue("slug", slugify(ev.target.value));
            },
          })}
        />
      </Field>
      <Field label={t("slug")} error={e.slug?.message} hint={t("slugHint")}>
        <Input autoCapitalize="none" {...register("slug")} />
      </Field>
      <Field label={t("currency")} error={e.currency?.message}>
        <Select {...register("currency")}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("ownerName")} error={e.ownerName?.message}>
        <Input autoComplete="name" {...register("ownerName")} />
      </Field>
      <Field label={t("email")} error={e.email?.message}>
        <Input type="email" autoComplete="email" {...register("email")} />
      </Field>
      <Field label={t("password")} error={e.password?.message} hint={t("passwordHint")}>
        <Input type="password" autoComplete="new-password" {...register("password")} />
      </Field>
      <Button type="submit" className="w-full" pending={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
