"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { changeNameSchema, type ChangeNameInput } from "@/lib/staff/schemas";
import { changeName } from "./actions";

export function ChangeNameForm({ name }: { name: string }) {
  const t = useTranslations("staff.account.name");
  const { form, submit, formError, pending } = useActionForm<ChangeNameInput, null>({
    action: changeName,
    resolver: zodResolver(changeNameSchema),
    defaultValues: { name },
    successMessage: t("saved"),
  });
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <Field label={t("label")} error={form.formState.errors.name?.message}>
        <Input autoComplete="name" {...form.register("name")} />
      </Field>
      <Button type="submit" pending={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
