import { z } from "zod";
import { msg } from "@/lib/validation/message-key";

// The Stripe object a difference is about: a PaymentIntent (charge) or a refund.
export const settleDifferenceSchema = z.object({ stripeId: z.string().regex(/^(pi|re)_[A-Za-z0-9_]+$/, msg("notStripePaymentOrRefund")) });
export const refundDifferenceSchema = z.object({ stripeId: z.string().regex(/^pi_[A-Za-z0-9_]+$/, msg("notStripePayment")) });
export const runMoneyCheckSchema = z.object({});
