import { z } from "zod";
import { idSchema } from "@/lib/validation/common";

export const invoiceCheckoutSchema = z.object({ invoiceId: idSchema });
export const confirmCheckoutSchema = z.object({ sessionId: z.string().regex(/^cs_[A-Za-z0-9_]+$/, "Not a Checkout Session") });
export const confirmSavedCardSchema = z.object({ paymentIntentId: z.string().regex(/^pi_[A-Za-z0-9_]+$/, "Not a PaymentIntent") });
