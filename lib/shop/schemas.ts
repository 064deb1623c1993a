import { z } from "zod";
import { emailSchema, idSchema, nameSchema, optionalText } from "@/lib/validation/common";
import { limitMsg, msg } from "@/lib/validation/message-key";

export const productSchema = z.object({
  name: nameSchema,
  description: optionalText(2000),
  price: z.string().trim().min(1, msg("enterPrice")),
  category: optionalText(60),
  // Empty means unlimited.
  stock: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/, msg("wholeNumberOrEmpty"))
    .transform((v) => (v === "" ? null : Number(v))),
  active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});
export type ProductInput = z.output<typeof productSchema>;

export const shopSettingsSchema = z.object({
  enabled: z.boolean(),
  title: optionalText(100),
  intro: optionalText(2000),
  cardPayments: z.boolean(),
  payAtDojo: z.boolean(),
  reservationDays: z.coerce.number({ message: msg("enterDays") }).int(msg("wholeDays")).min(1, limitMsg("holdAtLeast")).max(30, limitMsg("holdAtMost")).optional(),
});

// What the browser sends at checkout: products and quantities only. Prices, names and totals
// come from the database; extra keys (a "price" someone adds) are dropped by zod.
export const checkoutSchema = z.object({
  slug: z.string().min(1).max(48),
  name: nameSchema,
  email: emailSchema,
  phone: z.string().trim().min(5, msg("enterPhone")).max(30, limitMsg("maxChars")).regex(/^[+0-9 ()./-]+$/, msg("enterPhone")),
  payment: z.enum(["card", "at_dojo"], { message: msg("choosePayment") }),
  items: z
    .array(z.object({ productId: idSchema, quantity: z.number().int().min(1).max(99) }))
    .min(1, msg("cartEmpty"))
    .max(50),
});
export type CheckoutInput = z.output<typeof checkoutSchema>;

export const orderStatusFilter = z.enum(["to_confirm", "pending", "paid", "fulfilled", "cancelled"]);
