"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/action-result";
import { LOGO_TYPES, MAX_LOGO_BYTES, formatIban } from "@/lib/dojos/profile-schema";
import { saveDojoProfileAction } from "./actions";

type Values = Record<"name" | "timeZone" | "legalName" | "address" | "email" | "phone" | "vatNumber" | "companyNumber" | "bankAccountHolder" | "iban" | "bic" | "invoiceFooter", string | null>;

/** The owner's form for the seller block of invoices; multipart so the logo travels with it. */
export function ProfileForm({ values, logoUrl }: { values: Values; logoUrl: string | null }) {
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
      setErrors({ logo: ["The logo is larger than 512 KB. Please use a smaller one."] });
      return;
    }
    setPending(true);
    setFormError(null);
    try {
      const result = await saveDojoProfileAction(data);
      if (result.ok) {
        setErrors({});
        toast({ title: "Dojo profile saved", tone: "success" });
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
        <legend className="mb-2 text-sm font-semibold text-stone-900">Dojo</legend>
        <Field label="Dojo name" error={err("name")} hint="Shown in the app, the members area and as the mail sender.">
          <Input name="name" defaultValue={v("name")} required aria-required />
        </Field>
        <Field label="Time zone" error={err("timeZone")} hint="Dates and times on every page, mail and invoice are on this clock, e.g. Europe/Amsterdam.">
          <Input name="timeZone" defaultValue={v("timeZone")} list="time-zones" autoCapitalize="none" required aria-required />
        </Field>
        <datalist id="time-zones">
          {Intl.supportedValuesOf("timeZone").map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <Field label="Legal name" error={err("legalName")} hint="As registered, e.g. Kaizen Dojo GmbH.">
          <Input name="legalName" defaultValue={v("legalName")} autoComplete="organization" />
        </Field>
        <Field label="Address" error={err("address")} className="sm:col-span-2">
          <Textarea name="address" rows={3} defaultValue={v("address")} autoComplete="street-address" placeholder={"Hauptstraße 1\n10115 Berlin\nGermany"} />
        </Field>
        <Field label="E-mail for invoices" error={err("email")}>
          <Input name="email" type="email" defaultValue={v("email")} autoComplete="email" />
        </Field>
        <Field label="Phone" error={err("phone")}>
          <Input name="phone" type="tel" defaultValue={v("phone")} autoComplete="tel" />
        </Field>
        <Field label="VAT number" error={err("vatNumber")} hint="e.g. DE123456789">
          <Input name="vatNumber" defaultValue={v("vatNumber")} />
        </Field>
        <Field label="Company number" error={err("companyNumber")} hint="Trade register number, e.g. HRB 12345">
          <Input name="companyNumber" defaultValue={v("companyNumber")} />
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-stone-900">Bank details</legend>
        <Field label="Account holder" error={err("bankAccountHolder")} className="sm:col-span-2">
          <Input name="bankAccountHolder" defaultValue={v("bankAccountHolder")} />
        </Field>
        <Field label="IBAN" error={err("iban")}>
          <Input name="iban" defaultValue={values.iban ? formatIban(values.iban) : ""} autoComplete="off" className="font-mono" />
        </Field>
        <Field label="BIC" error={err("bic")}>
          <Input name="bic" defaultValue={v("bic")} autoComplete="off" className="font-mono" />
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-stone-900">On the invoice</legend>
        <Field label="Logo" error={err("logo")} hint="PNG or JPEG, at most 512 KB. Printed at the top of invoices.">
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
            <img src={preview} alt="Logo" data-testid="logo-preview" className="max-h-16 max-w-48 rounded border border-stone-200 bg-white object-contain p-1" />
            {logoUrl && (
              <label className="flex items-center gap-2 text-sm text-stone-700">
                <input type="checkbox" name="removeLogo" className="size-4 rounded border-stone-300" /> Remove the logo
              </label>
            )}
          </div>
        )}
        <Field label="Invoice footer" error={err("invoiceFooter")} hint="The small print at the bottom of every invoice, e.g. managing director, register court, tax office.">
          <Textarea name="invoiceFooter" rows={2} defaultValue={v("invoiceFooter")} />
        </Field>
      </fieldset>

      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
