import { z } from "zod";
import { dateSchema, idSchema, nameSchema } from "@/lib/validation/common";
import { limitMsg, msg } from "@/lib/validation/message-key";

export const memberIdSchema = z.object({ memberId: idSchema });
export const setCustomerIdSchema = z.object({
  memberId: idSchema,
  customerId: z.string().trim().regex(/^cus_[A-Za-z0-9_]+$/, msg("customerId")),
});
export const memberCardSchema = z.object({ memberId: idSchema, paymentMethodId: z.string().regex(/^pm_[A-Za-z0-9_]+$/, msg("notCard")) });
export const setupSessionSchema = z.object({ sessionId: z.string().regex(/^cs_[A-Za-z0-9_]+$/, msg("notCheckoutSession")) });
export const memberSetupSessionSchema = setupSessionSchema.extend({ memberId: idSchema });

// Optional one-time sign-up fee, parsed against the plan's currency on the server; empty: none.
export const signupFeeSchema = z.string().trim().max(20, msg("tooLong")).default("");
export const PLAN_INTERVALS = ["week", "month", "year"] as const;
export const planFormSchema = z.object({
  name: nameSchema,
  // Parsed against the dojo's Stripe currency on the server (lib/money.ts parseAmount).
  amount: z.string().trim().min(1, msg("enterAmount")),
  interval: z.enum(PLAN_INTERVALS, { message: msg("chooseInterval") }),
  intervalCount: z.coerce.number().int(msg("wholeNumbersOnly")).min(1, limitMsg("atLeast")).max(52, limitMsg("atMost")),
  // Stripe's limit on trial_period_days: 730 (two years). Empty: no trial.
  trialDays: z
    .union([z.literal("").transform(() => null), z.coerce.number().int(msg("wholeDaysOnly")).min(1, limitMsg("trialAtLeast")).max(730, limitMsg("trialAtMost"))])
    .nullable()
    .default(null),
  signupFee: signupFeeSchema,
});
export const planIdSchema = z.object({ planId: idSchema });
export const importPlansSchema = z.object({
  priceIds: z
    .array(z.string().regex(/^price_[A-Za-z0-9_]+$/, msg("notStripePrice")))
    .min(1, msg("choosePrices"))
    .max(100, limitMsg("maxPrices")),
});
export const subscribeSchema = z.object({ memberId: idSchema, planId: idSchema });
export const cancelSchema = z.object({ subscriptionId: idSchema, when: z.enum(["now", "period_end"]) });
// Pause from today; `resumeOn` empty: until resumed. `attempt` keys the Stripe call (a double click pauses once).
export const pauseSchema = z.object({
  subscriptionId: idSchema,
  resumeOn: z.union([z.literal("").transform(() => null), dateSchema]),
  attempt: z.string().uuid(),
});
export const resumeSchema = z.object({ subscriptionId: idSchema, attempt: z.string().uuid() });
// A fee (e.g. grading) on the subscription's next invoice; `attempt` keys the Stripe call (a double submit adds one fee).
export const addFeeSchema = z.object({
  subscriptionId: idSchema,
  description: z.string().trim().min(1, msg("sayWhatFee")).max(200, limitMsg("atMostChars")),
  amount: z.string().trim().min(1, msg("enterAmount")),
  attempt: z.string().uuid(),
});
export const removeFeeSchema = z.object({ subscriptionId: idSchema, invoiceItemId: z.string().regex(/^ii_[A-Za-z0-9_]+$/, msg("notInvoiceItem")) });
export type AddFeeInput = z.input<typeof addFeeSchema>;
export type PlanFormInput = z.input<typeof planFormSchema>;
