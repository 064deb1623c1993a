"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ActionError, staffAction } from "@/lib/action";
import { can } from "@/lib/auth/permissions";
import { confirmOrder } from "@/lib/shop/at-dojo-orders";
import { cancelOrder, fulfilOrder } from "@/lib/shop/change-order";
import { createProduct, setProductActive, updateProduct, type ImageUpload } from "@/lib/shop/products";
import { productSchema, shopSettingsSchema } from "@/lib/shop/schemas";
import { saveShopSettings, shopPaymentOptions } from "@/lib/shop/settings";
import { idSchema } from "@/lib/validation/common";

const upload = z
  .custom<File>((v) => typeof File !== "undefined" && v instanceof File)
  .optional()
  .transform((file) => (file && file.size > 0 ? file : undefined));

const productFormSchema = productSchema.extend({ id: idSchema.optional(), image: upload, removeImage: z.preprocess((v) => v === "on" || v === "true", z.boolean()).optional() });

async function imageOf(file: File | undefined): Promise<ImageUpload | null> {
  return file ? { bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

/** Adds or edits a product; the form posts multipart data so a picture can come along. */
export const saveProductAction = staffAction({ schema: productFormSchema, permission: "shop" }, async ({ id, image, removeImage, ...input }, { dojo }) => {
  const db = await getDb();
  const picture = await imageOf(image);
  const productId = id ? (await updateProduct(db, dojo, id, input, picture, removeImage), id) : await createProduct(db, dojo, input, picture);
  revalidatePath("/webshop");
  return { id: productId };
});

export const setProductActiveAction = staffAction({ schema: z.object({ id: idSchema, active: z.boolean() }), permission: "shop" }, async ({ id, active }, { dojo }) => {
  await setProductActive(await getDb(), dojo.id, id, active);
  revalidatePath("/webshop");
  return { id };
});

export const saveShopSettingsAction = staffAction({ schema: shopSettingsSchema, permission: "settings" }, async (values, { dojo }) => {
  const db = await getDb();
  if (values.cardPayments) {
    const { cardUnavailable } = await shopPaymentOptions(db, dojo, values);
    if (cardUnavailable) throw new ActionError(cardUnavailable, { cardPayments: [cardUnavailable] });
  }
  if (values.enabled && !values.cardPayments && !values.payAtDojo) throw new ActionError("Offer at least one way to pay.", { payAtDojo: ["Offer at least one way to pay"] });
  await saveShopSettings(db, dojo.id, values);
  revalidatePath("/webshop/settings");
  return values;
});

export const fulfilOrderAction = staffAction({ schema: z.object({ id: idSchema }), permission: "shop" }, async ({ id }, { dojo }) => {
  const order = await fulfilOrder(await getDb(), dojo.id, id);
  revalidatePath(`/webshop/orders/${id}`);
  return { status: order.status };
});

/** Confirms a pay-at-the-dojo order: its invoice is issued now and its items stay held until paid. */
export const confirmOrderAction = staffAction({ schema: z.object({ id: idSchema }), permission: "shop" }, async ({ id }, { dojo }) => {
  const order = await confirmOrder(await getDb(), dojo.id, id);
  revalidatePath(`/webshop/orders/${id}`);
  revalidatePath("/webshop/orders");
  return { status: order.status, invoiceId: order.invoiceId };
});

export const cancelOrderAction = staffAction({ schema: z.object({ id: idSchema }), permission: "shop" }, async ({ id }, { dojo, user }) => {
  const order = await cancelOrder(await getDb(), dojo.id, id, user.id, { mayRefund: can(user.role, "refunds") });
  revalidatePath(`/webshop/orders/${id}`);
  revalidatePath("/webshop/orders");
  return { status: order.status, refundedMinor: order.refundedMinor };
});
