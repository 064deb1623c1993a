"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ShopSettingsValues } from "@/lib/shop/settings";
import { saveShopSettingsAction } from "../actions";

interface Values {
  enabled: boolean;
  title: string;
  intro: string;
  cardPayments: boolean;
  payAtDojo: boolean;
  reservationDays: number | string;
}

function Toggle({ label, hint, error, disabled, ...props }: { label: string; hint?: React.ReactNode; error?: string; disabled?: boolean } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={`flex items-start gap-3 rounded-md border border-stone-200 p-3 ${disabled ? "bg-stone-50" : "hover:bg-stone-50"}`}>
      <input type="checkbox" disabled={disabled} className="mt-0.5 size-4 rounded border-stone-300" {...props} />
      <span>
        <span className={`block text-sm font-medium ${disabled ? "text-stone-500" : "text-stone-800"}`}>{label}</span>
        {hint && <span className="block text-xs text-stone-500">{hint}</span>}
        {error && <span role="alert" className="block text-sm text-red-600">{error}</span>}
      </span>
    </label>
  );
}

export function ShopSettingsForm({ values, cardUnavailable }: { values: ShopSettingsValues; cardUnavailable: string | null }) {
  const t = useTranslations("staff.webshop.settings");
  const router = useRouter();
  const defaults: Values = { enabled: values.enabled, title: values.title ?? "", intro: values.intro ?? "", cardPayments: values.cardPayments && !cardUnavailable, payAtDojo: values.payAtDojo, reservationDays: values.reservationDays };
  const { form, submit, formError, pending } = useActionForm<Values, unknown>({
    action: saveShopSettingsAction,
    defaultValues: defaults,
    successMessage: t("saved"),
    onSuccess: () => {
      form.reset(form.getValues());
      router.refresh();
    },
  });
  const { register } = form;
  const e = form.formState.errors;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError message={formError} />
      <Toggle label={t("open")} hint={t("openHint")} {...register("enabled")} />
      <Field label={t("shopTitle")} error={e.title?.message} hint={t("shopTitleHint")}>
        <Input {...register("title")} />
      </Field>
      <Field label={t("intro")} error={e.intro?.message} hint={t("introHint")}>
        <Textarea rows={3} {...register("intro")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-stone-700">{t("howPay")}</legend>
        <Toggle
          label={t("card")}
          disabled={!!cardUnavailable}
          error={e.cardPayments?.message}
          hint={
            cardUnavailable ? (
              <>
                {cardUnavailable}{" "}
                <Link href="/settings/stripe" className="text-brand-700 hover:underline">
                  {t("stripeSettings")}
                </Link>
              </>
            ) : (
              t("cardHint")
            )
          }
          {...register("cardPayments")}
        />
        <Toggle label={t("atDojo")} hint={t("atDojoHint")} error={e.payAtDojo?.message} {...register("payAtDojo")} />
      </fieldset>
      <Field label={t("days")} error={e.reservationDays?.message} hint={t("daysHint")}>
        <Input type="number" inputMode="numeric" min={1} max={30} step={1} className="w-24" {...register("reservationDays")} />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" pending={pending} disabled={!form.formState.isDirty}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
