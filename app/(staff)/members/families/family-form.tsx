"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FamilyFormValues } from "@/lib/families/schemas";
import { createFamilyAction, updateFamilyAction } from "./actions";

export interface MemberOption {
  id: string;
  name: string;
}

/** New family, or edit one (name and payer): the payer is a member or a separate contact. */
export function FamilyFormDialog({ family, memberOptions }: { family?: { id: string } & FamilyFormValues; memberOptions: MemberOption[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const t = useTranslations("staff.members.families.form");
  const { form, submit, formError, pending } = useActionForm<FamilyFormValues, { id: string }>({
    action: (values) => (family ? updateFamilyAction({ ...values, familyId: family.id }) : createFamilyAction(values)),
    defaultValues: family ?? { name: "", payerKind: "member", payerMemberId: "", payerName: "", payerEmail: "" },
    successMessage: family ? t("saved") : t("created"),
    onSuccess: (data) => {
      setOpen(false);
      if (family) router.refresh();
      else router.push(`/members/families/${data.id}`);
    },
  });
  const errors = form.formState.errors;
  const kind = form.watch("payerKind");
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        family ? (
          <Button variant="secondary">{t("edit")}</Button>
        ) : (
          <Button>
            <Plus className="size-4" aria-hidden />
            {t("new")}
          </Button>
        )
      }
      title={family ? t("editTitle", { name: family.name }) : t("new")}
      description={t("description")}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormError message={formError} />
        <Field label={t("name")} error={errors.name?.message}>
          <Input placeholder={t("namePlaceholder")} {...form.register("name")} />
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-stone-700">{t("whoPays")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="member" {...form.register("payerKind")} /> {t("payerMember")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="contact" {...form.register("payerKind")} /> {t("payerContact")}
          </label>
        </fieldset>
        {kind === "member" ? (
          <Field label={t("payingMember")} error={errors.payerMemberId?.message}>
            <Select {...form.register("payerMemberId")}>
              <option value="">{t("chooseMember")}</option>
              {memberOptions.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <>
            <Field label={t("payerName")} error={errors.payerName?.message}>
              <Input autoComplete="off" {...form.register("payerName")} />
            </Field>
            <Field label={t("payerEmail")} error={errors.payerEmail?.message}>
              <Input type="email" autoComplete="off" {...form.register("payerEmail")} />
            </Field>
          </>
        )}
        <div className="flex justify-end">
          <Button type="submit" pending={pending}>
            {family ? t("save") : t("create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
