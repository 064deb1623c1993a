import { z } from "zod";
import { idSchema } from "@/lib/validation/common";

export const refundPaymentSchema = z.object({
  paymentId: idSchema,
  // Parsed into minor units against the payment's currency on the server.
  amount: z.string().trim().min(1, "Enter an amount"),
  reason: z.string().trim().min(1, "Say why the money goes back").max(500, "Use at most 500 characters"),
  // Made by the dialog when it opens and kept across retries: the Stripe idempotency key is
  // derived from it, so a repeated click (or a retry after a timeout) never refunds twice.
  nonce: z.string().uuid("Reload the page and try again"),
});

export type RefundPaymentInput = z.output<typeof refundPaymentSchema>;
export type RefundPaymentValues = z.input<typeof refundPaymentSchema>;
