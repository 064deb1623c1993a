"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { LanguageOptions } from "@/components/i18n/language-options";
import type { MemberProfile } from "@/lib/members/get";
import type { MemberFormValues } from "@/lib/members/schemas";
import { addMember, editMember } from "./actions";

function formValuesOf(member?: MemberProfile): MemberFormValues {
  return {
    firstName: member?.firstName ?? "",
    lastName: member?.lastName ?? "",
    email: member?.email ?? "",
    phone: member?.phone ?? "",
    birthDate: member?.birthDate ?? "",
    address: member?.address ?? "",
    notes: member?.notes ?? "",
    language: member?.language ?? "",
  };
}

/** Adds a member (no `member`) or edits one; the server validates and reports per field. */
export function MemberForm({ member }: { member?: MemberProfile }) {
  const router = useRouter();
  const t = useTranslations("staff.members.form");
  const { form, submit, formError, pending } = useActionForm<MemberFormValues, { id: string; member?: MemberProfile }>({
    action: member ? (values) => editMember({ ...values, id: member.id }) : addMember,
    defaultValues: formValuesOf(member),
    successMessage: member ? t("saved") : t("added"),
    onSuccess: ({ id, member: saved }) => {
      if (saved) {
        form.reset(formValuesOf(saved));
        router.refresh();
      } else {
        router.push(`/members/${id}`);
      }
    },
  });
  const { register } = form;
  const e = form.formState.errors;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("firstName")} required error={e.firstName?.message}>
          <Input autoComplete="off" {...register("firstName")} />
        </Field>
        <Field label={t("lastName")} required error={e.lastName?.message}>
          <Input autoComplete="off" {...register("lastName")} />
        </Field>
        <Field label={t("email")} error={e.email?.message} hint={t("emailHint")}>
          <Input type="email" autoComplete="off" {...register("email")} />
        </Field>
        <Field label={t("phone")} error={e.phone?.message} hint={t("optional")}>
          <Input type="tel" autoComplete="off" {...register("phone")} />
        </Field>
        <Field label={t("birthDate")} error={e.birthDate?.message} hint={t("optional")}>
          <Input type="date" {...register("birthDate")} />
        </Field>
      </div>
      <Field label={t("address")} error={e.address?.message} hint={t("optional")}>
        <Textarea rows={3} {...register("address")} />
      </Field>
      <Field label={t("language")} error={e.language?.message} hint={t("languageHint")}>
        <Select {...register("language")}>
          <option value="">{t("dojoDefault")}</option>
          <LanguageOptions />
        </Select>
      </Field>
      <Field label={t("notes")} error={e.notes?.message} hint={t("notesHint")}>
        <Textarea rows={4} {...register("notes")} />
      </Field>
      <div className="flex justify-end gap-2">
        {!member && (
          <Button type="button" variant="secondary" onClick={() => router.back()}>
            {t("cancel")}
          </Button>
        )}
        <Button type="submit" pending={pending} disabled={!!member && !form.formState.isDirty}>
          {member ? t("save") : t("add")}
        </Button>
      </div>
    </form>
  );
}
