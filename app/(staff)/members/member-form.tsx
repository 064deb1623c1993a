"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
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
  };
}

/** Adds a member (no `member`) or edits one; the server validates and reports per field. */
export function MemberForm({ member }: { member?: MemberProfile }) {
  const router = useRouter();
  const { form, submit, formError, pending } = useActionForm<MemberFormValues, { id: string; member?: MemberProfile }>({
    action: member ? (values) => editMember({ ...values, id: member.id }) : addMember,
    defaultValues: formValuesOf(member),
    successMessage: member ? "Changes saved" : "Member added",
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
        <Field label="First name" required error={e.firstName?.message}>
          <Input autoComplete="off" {...register("firstName")} />
        </Field>
        <Field label="Last name" required error={e.lastName?.message}>
          <Input autoComplete="off" {...register("lastName")} />
        </Field>
        <Field label="E-mail" error={e.email?.message} hint="Optional. Used for invoices and messages.">
          <Input type="email" autoComplete="off" {...register("email")} />
        </Field>
        <Field label="Phone" error={e.phone?.message} hint="Optional">
          <Input type="tel" autoComplete="off" {...register("phone")} />
        </Field>
        <Field label="Birth date" error={e.birthDate?.message} hint="Optional">
          <Input type="date" {...register("birthDate")} />
        </Field>
      </div>
      <Field label="Address" error={e.address?.message} hint="Optional">
        <Textarea rows={3} {...register("address")} />
      </Field>
      <Field label="Notes" error={e.notes?.message} hint="Only staff see these.">
        <Textarea rows={4} {...register("notes")} />
      </Field>
      <div className="flex justify-end gap-2">
        {!member && (
          <Button type="button" variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
        )}
        <Button type="submit" pending={pending} disabled={!!member && !form.formState.isDirty}>
          {member ? "Save changes" : "Add member"}
        </Button>
      </div>
    </form>
  );
}
