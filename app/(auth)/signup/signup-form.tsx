"use client";
import { useState } from "react";
import { MailCheck } from "lucide-react";
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
          <MailCheck className="size-5 shrink-0" aria-hidden /> Check your inbox
        </p>
        <p>
          We sent a mail to <strong className="break-all">{sentTo}</strong>. Follow the link in it to create your dojo; it works for 24 hours.
        </p>
        <p className="text-emerald-800">Nothing there after a few minutes? Look in your spam folder, or check the address and sign up again.</p>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <input type="hidden" {...register("timeZone")} />
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
