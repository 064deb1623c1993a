"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/action-result";
import { IMAGE_TYPES, MAX_IMAGE_BYTES } from "@/lib/shop/image";
import { saveProductAction } from "../actions";

export interface ProductFormValues {
  id: string;
  name: string;
  description: string;
  price: string;
  category: string;
  stock: string;
  active: boolean;
  imageUrl: string | null;
}

/** Adds or edits a product. Multipart, so the picture travels with the rest of the form. */
export function ProductForm({ product, currency }: { product?: ProductFormValues; currency: string }) {
  const t = useTranslations("staff.webshop.product");
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState<string | null>(product?.imageUrl ?? null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("image");
    if (file instanceof File && file.size > MAX_IMAGE_BYTES) {
      setErrors({ image: [t("pictureTooLarge")] });
      return;
    }
    setPending(true);
    setFormError(null);
    try {
      const result = await saveProductAction(data);
      if (result.ok) {
        toast({ title: product ? t("saved") : t("added"), tone: "success" });
        setErrors({});
        if (product) router.refresh();
        else router.push(`/webshop/products/${result.data.id}`);
      } else {
        setFormError(result.error);
        setErrors(result.fieldErrors ?? {});
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={formError} />
      {product && <input type="hidden" name="id" value={product.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("name")} required error={errors.name?.[0]} className="sm:col-span-2">
          <Input name="name" defaultValue={product?.name} autoComplete="off" />
        </Field>
        <Field label={t("price", { currency })} required error={errors.price?.[0]}>
          <Input name="price" inputMode="decimal" defaultValue={product?.price} placeholder="45.00" />
        </Field>
        <Field label={t("stock")} error={errors.stock?.[0]} hint={t("stockHint")}>
          <Input name="stock" inputMode="numeric" defaultValue={product?.stock} placeholder={t("stockPlaceholder")} />
        </Field>
        <Field label={t("category")} error={errors.category?.[0]} hint={t("categoryHint")}>
          <Input name="category" defaultValue={product?.category} />
        </Field>
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-2 text-sm font-medium text-stone-700">
            <input type="checkbox" name="active" defaultChecked={product?.active ?? true} className="size-4 rounded border-stone-300" />
            {t("shown")}
          </label>
        </div>
      </div>
      <Field label={t("description")} error={errors.description?.[0]} hint={t("optional")}>
        <Textarea name="description" rows={4} defaultValue={product?.description} />
      </Field>
      <Field label={t("picture")} error={errors.image?.[0]} hint={t("pictureHint")}>
        <Input
          name="image"
          type="file"
          accept={IMAGE_TYPES.join(",")}
          className="h-auto py-1.5"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setPreview(file ? URL.createObjectURL(file) : (product?.imageUrl ?? null));
          }}
        />
      </Field>
      {preview && (
        <div className="flex items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- a local preview (blob: URL) */}
          <img src={preview} alt={t("preview")} width={96} height={96} className="size-24 rounded-md border border-stone-200 object-cover" />
          {product?.imageUrl && (
            <label className="flex items-center gap-2 text-sm text-stone-700">
              <input type="checkbox" name="removeImage" className="size-4 rounded border-stone-300" />
              {t("removePicture")}
            </label>
          )}
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.push("/webshop/products")}>
          {product ? t("back") : t("cancel")}
        </Button>
        <Button type="submit" pending={pending}>
          {product ? t("save") : t("add")}
        </Button>
      </div>
    </form>
  );
}
