import { z } from "zod";
import { idSchema } from "@/lib/validation/common";
import { limitMsg, msg } from "@/lib/validation/message-key";

export const refundPaymentSchema = z.object({
  paymentId: idSchema,
  // Parsed into minor units against the payment's currency on the server.
  amount: z.string().trim().min(1, msg("enterAmount")),
  reason: z.string().trim().min(1, msg("sayWhyRefund")).max(500, limitMsg("maxChars")),
  // Made by the dialog when it opens and kept across retries: the Stripe idempotency key is
  // derived from it, so a repeated click (or a retry after a timeout) never refunds twice.
  nonce: z.string().uuid(msg("reloadAndRetry")),
});

export type RefundPaymentInput = z.output<typeof refundPaymentSchema>;
export type RefundPaymentValues = z.input<typeof refundPaymentSchema>;
