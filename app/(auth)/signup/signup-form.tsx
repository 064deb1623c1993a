"use client";
import { useFollowRedirect } from "@/components/forms/use-follow-redirect";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { CURRENCIES } from "@/lib/money";
import type { SignupInput } from "@/lib/dojos/signup";
import { signUp } from "./actions";

function slugify(name: string) {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
}

export function SignupForm() {
  const followRedirect = useFollowRedirect();
  const { form, submit, formError, pending } = useActionForm<SignupInput, { redirectTo: string }>({
    action: signUp,
    defaultValues: { currency: "EUR" },
    onSuccess: followRedirect,
  });
  const { register, formState, setValue, getFieldState } = form;
  const e = formState.errors;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <Field label="Dojo name" error={e.dojoName?.message}>
        <Input
          autoComplete="organization"
          {...register("dojoName", {
            onChange: (ev) => {
              if (!getFieldState("slug").isDirty) setValue("slug", slugify(ev.target.value));
            },
          })}
        />
      </Field>
      <Field label="Public address" error={e.slug?.message} hint="Used for your webshop: /shop/your-address">
        <Input autoCapitalize="none" {...register("slug")} />
      </Field>
      <Field label="Currency" error={e.currency?.message}>
        <Select {...register("currency")}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Your name" error={e.ownerName?.message}>
        <Input autoComplete="name" {...register("ownerName")} />
      </Field>
      <Field label="E-mail" error={e.email?.message}>
        <Input type="email" autoComplete="email" {...register("email")} />
      </Field>
      <Field label="Password" error={e.password?.message} hint="At least 10 characters">
        <Input type="password" autoComplete="new-password" {...register("password")} />
      </Field>
      <Button type="submit" className="w-full" pending={pending}>
        Create my dojo
      </Button>
    </form>
  );
}
