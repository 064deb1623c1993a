import { z } from "zod";

// The Stripe object a difference is about: a PaymentIntent (charge) or a refund.
export const settleDifferenceSchema = z.object({ stripeId: z.string().regex(/^(pi|re)_[A-Za-z0-9_]+$/, "Not a Stripe payment or refund") });
export const refundDifferenceSchema = z.object({ stripeId: z.string().regex(/^pi_[A-Za-z0-9_]+$/, "Not a Stripe payment") });
export const runMoneyCheckSchema = z.object({});
