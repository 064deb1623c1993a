import { z } from "zod";
import { idSchema, nameSchema } from "@/lib/validation/common";

export const memberIdSchema = z.object({ memberId: idSchema });
export const setCustomerIdSchema = z.object({
  memberId: idSchema,
  customerId: z.string().trim().regex(/^cus_[A-Za-z0-9_]+$/, "A Stripe customer ID starts with cus_, e.g. cus_Nx4bT2…"),
});
export const memberCardSchema = z.object({ memberId: idSchema, paymentMethodId: z.string().regex(/^pm_[A-Za-z0-9_]+$/, "Not a card") });
export const setupSessionSchema = z.object({ sessionId: z.string().regex(/^cs_[A-Za-z0-9_]+$/, "Not a Checkout Session") });
export const memberSetupSessionSchema = setupSessionSchema.extend({ memberId: idSchema });

export const PLAN_INTERVALS = ["week", "month", "year"] as const;
export const planFormSchema = z.object({
  name: nameSchema,
  // Parsed against the dojo's Stripe currency on the server (lib/money.ts parseAmount).
  amount: z.string().trim().min(1, "Enter an amount"),
  interval: z.enum(PLAN_INTERVALS, { message: "Choose week, month or year" }),
  intervalCount: z.coerce.number().int("Whole numbers only").min(1, "At least 1").max(52, "At most 52"),
});
export const planIdSchema = z.object({ planId: idSchema });
export const importPlansSchema = z.object({
  priceIds: z
    .array(z.string().regex(/^price_[A-Za-z0-9_]+$/, "Not a Stripe price"))
    .min(1, "Choose at least one price to import.")
    .max(100, "Import at most 100 prices at once."),
});
export const subscribeSchema = z.object({ memberId: idSchema, planId: idSchema });
export const cancelSchema = z.object({ subscriptionId: idSchema, when: z.enum(["now", "period_end"]) });
export type PlanFormInput = z.input<typeof planFormSchema>;
