"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { LanguageOptions } from "@/components/i18n/language-options";
import { STAFF_LOCALES, type StaffLocale } from "@/lib/i18n/staff-locales";
import { changeLanguageSchema, type ChangeLanguageInput } from "@/lib/staff/schemas";
import { changeLanguage } from "./actions";

export function ChangeLanguageForm({ language }: { language: StaffLocale }) {
  const t = useTranslations("staff.account.language");
  const { form, submit, formError, pending } = useActionForm<ChangeLanguageInput, null>({
    action: changeLanguage,
    resolver: zodResolver(changeLanguageSchema),
    defaultValues: { language },
    successMessage: t("saved"),
  });
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <Field label={t("label")} error={form.formState.errors.language?.message}>
        <Select {...form.register("language")}>
          <LanguageOptions locales={STAFF_LOCALES} />
        </Select>
      </Field>
      <Button type="submit" pending={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
