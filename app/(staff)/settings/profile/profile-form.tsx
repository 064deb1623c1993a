"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/action-result";
import { LanguageOptions } from "@/components/i18n/language-options";
import { LOGO_TYPES, MAX_LOGO_BYTES, formatIban } from "@/lib/dojos/profile-schema";
import { saveDojoProfileAction } from "./actions";

type Values = Record<"name" | "timeZone" | "defaultLanguage" | "legalName" | "address" | "email" | "phone" | "vatNumber" | "companyNumber" | "bankAccountHolder" | "iban" | "bic" | "invoiceFooter", string | null>;

/** The owner's form for the seller block of invoices; multipart so the logo travels with it. */
export function ProfileForm({ values, logoUrl }: { values: Values; logoUrl: string | null }) {
  const t = useTranslations("staff.settings.profile");
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState<string | null>(logoUrl);
  const err = (key: keyof Values | "logo") => errors[key]?.[0];
  const v = (key: keyof Values) => values[key] ?? "";

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("logo");
    if (file instanceof File && file.size > MAX_LOGO_BYTES) {
      setErrors({ logo: [t("logoTooLarge")] });
      return;
    }
    setPending(true);
    setFormError(null);
    try {
      const result = await saveDojoProfileAction(data);
      if (result.ok) {
        setErrors({});
        toast({ title: t("saved"), tone: "success" });
        router.refresh();
      } else {
        setFormError(result.error);
        setErrors(result.fieldErrors ?? {});
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormError message={formError} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-stone-900">{t("dojo")}</legend>
        <Field label={t("name")} error={err("name")} hint={t("nameHint")}>
          <Input name="name" defaultValue={v("name")} required aria-required />
        </Field>
        <Field label={t("timeZone")} error={err("timeZone")} hint={t("timeZoneHint")}>
          <Input name="timeZone" defaultValue={v("timeZone")} list="time-zones" autoCapitalize="none" required aria-required />
        </Field>
        <Field label={t("language")} error={err("defaultLanguage")} hint={t("languageHint")}>
          <Select name="defaultLanguage" defaultValue={v("defaultLanguage") || "en"}>
            <LanguageOptions />
          </Select>
        </Field>
        <datalist id="time-zones">
          {Intl.supportedValuesOf("timeZone").map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <Field label={t("legalName")} error={err("legalName")} hint={t("legalNameHint")}>
          <Input name="legalName" defaultValue={v("legalName")} autoComplete="organization" />
        </Field>
        <Field label={t("address")} error={err("address")} className="sm:col-span-2">
          <Textarea name="address" rows={3} defaultValue={v("address")} autoComplete="street-address" placeholder={t("addressPlaceholder")} />
        </Field>
        <Field label={t("email")} error={err("email")}>
          <Input name="email" type="email" defaultValue={v("email")} autoComplete="email" />
        </Field>
        <Field label={t("phone")} error={err("phone")}>
          <Input name="phone" type="tel" defaultValue={v("phone")} autoComplete="tel" />
        </Field>
        <Field label={t("vatNumber")} error={err("vatNumber")} hint={t("vatNumberHint")}>
          <Input name="vatNumber" defaultValue={v("vatNumber")} />
        </Field>
        <Field label={t("companyNumber")} error={err("companyNumber")} hint={t("companyNumberHint")}>
          <Input name="companyNumber" defaultValue={v("companyNumber")} />
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-stone-900">{t("bank")}</legend>
        <Field label={t("holder")} error={err("bankAccountHolder")} className="sm:col-span-2">
          <Input name="bankAccountHolder" defaultValue={v("bankAccountHolder")} />
        </Field>
        <Field label={t("iban")} error={err("iban")}>
          <Input name="iban" defaultValue={values.iban ? formatIban(values.iban) : ""} autoComplete="off" className="font-mono" />
        </Field>
        <Field label={t("bic")} error={err("bic")}>
          <Input name="bic" defaultValue={v("bic")} autoComplete="off" className="font-mono" />
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-stone-900">{t("onInvoice")}</legend>
        <Field label={t("logo")} error={err("logo")} hint={t("logoHint")}>
          <Input
            name="logo"
            type="file"
            accept={LOGO_TYPES.join(",")}
            onChange={(e) => {
              const file = e.target.files?.[0];
              setPreview(file ? URL.createObjectURL(file) : logoUrl);
            }}
          />
        </Field>
        {preview && (
          <div className="flex flex-wrap items-center gap-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data or blob URL, nothing for next/image to optimise */}
            <img src={preview} alt={t("logo")} data-testid="logo-preview" className="max-h-16 max-w-48 rounded border border-stone-200 bg-white object-contain p-1" />
            {logoUrl && (
              <label className="flex items-center gap-2 text-sm text-stone-700">
                <input type="checkbox" name="removeLogo" className="size-4 rounded border-stone-300" /> {t("removeLogo")}
              </label>
            )}
          </div>
        )}
        <Field label={t("footer")} error={err("invoiceFooter")} hint={t("footerHint")}>
          <Textarea name="invoiceFooter" rows={2} defaultValue={v("invoiceFooter")} />
        </Field>
      </fieldset>

      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
