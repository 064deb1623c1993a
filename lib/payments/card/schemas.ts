import { z } from "zod";
import { idSchema } from "@/lib/validation/common";
import { msg } from "@/lib/validation/message-key";

export const invoiceCheckoutSchema = z.object({ invoiceId: idSchema });
// closeOpenCheckout: staff confirmed that the member's open payment page may be closed first.
export const chargeSavedCardSchema = invoiceCheckoutSchema.extend({ closeOpenCheckout: z.boolean().optional() });
export const confirmCheckoutSchema = z.object({ sessionId: z.string().regex(/^cs_[A-Za-z0-9_]+$/, msg("notCheckoutSession")) });
export const confirmSavedCardSchema = z.object({ paymentIntentId: z.string().regex(/^pi_[A-Za-z0-9_]+$/, msg("notPaymentIntent")) });
