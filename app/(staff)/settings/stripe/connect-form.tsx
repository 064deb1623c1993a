"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { CURRENCIES, isStripeCurrency } from "@/lib/money";
import { connectStripeSchema, type ConnectStripeInput } from "@/lib/stripe/schemas";
import { connectStripeAccount } from "./actions";

interface ConnectFormProps {
  defaultCurrency: string;
  submitLabel: string;
  onDone?: () => void;
}

/** Publishable key, secret key and currency; the server checks the keys with Stripe. */
export function ConnectForm({ defaultCurrency, submitLabel, onDone }: ConnectFormProps) {
  const t = useTranslations("staff.settings.stripe.connect");
  const router = useRouter();
  // One attempt id per form: a double submit gets the same webhook endpoint from Stripe.
  const [attempt] = useState(() => crypto.randomUUID());
  // A dojo whose own currency Stripe does not take (one set up before it stopped) picks another here.
  const currencies: readonly string[] = CURRENCIES.includes(defaultCurrency as (typeof CURRENCIES)[number]) || !isStripeCurrency(defaultCurrency) ? CURRENCIES : [defaultCurrency, ...CURRENCIES];
  const { form, submit, formError, pending } = useActionForm<ConnectStripeInput, { accountName: string | null }>({
    action: connectStripeAccount,
    resolver: zodResolver(connectStripeSchema),
    defaultValues: { publishableKey: "", secretKey: "", currency: currencies.includes(defaultCurrency) ? defaultCurrency : currencies[0], attempt, confirmAccountSwitch: false },
    successMessage: t("connected"),
    onSuccess: () => {
      form.reset({ publishableKey: "", secretKey: "", currency: form.getValues("currency"), attempt: crypto.randomUUID(), confirmAccountSwitch: false });
      onDone?.();
      router.refresh();
    },
  });
  const e = form.formState.errors;
  // The server asks before letting go of another account's customers and plans.
  const switchQuestion = e.confirmAccountSwitch?.message;

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={switchQuestion ? null : formError} />
      <ConfirmDialog
        open={!!switchQuestion}
        onOpenChange={(open) => !open && form.clearErrors("confirmAccountSwitch")}
        title={t("switchTitle")}
        description={switchQuestion}
        confirmLabel={t("switchConfirm")}
        destructive
        onConfirm={async () => {
          form.clearErrors("confirmAccountSwitch");
          form.setValue("confirmAccountSwitch", true);
          await submit();
          // A yes answers this question only: other keys typed next are asked about again.
          form.setValue("confirmAccountSwitch", false);
          return true;
        }}
      />
      <input type="hidden" {...form.register("attempt")} />
      <Field label={t("publishableKey")} error={e.publishableKey?.message} hint={t("publishableKeyHint")}>
        <Input autoComplete="off" spellCheck={false} placeholder={t("publishableKeyPlaceholder")} className="font-mono" {...form.register("publishableKey")} />
      </Field>
      <Field label={t("secretKey")} error={e.secretKey?.message} hint={t("secretKeyHint")}>
        <Input type="password" autoComplete="off" spellCheck={false} placeholder={t("secretKeyPlaceholder")} className="font-mono" {...form.register("secretKey")} />
      </Field>
      <Field label={t("currency")} error={e.currency?.message} hint={t("currencyHint")}>
        <Select className="sm:w-40" {...form.register("currency")}>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
