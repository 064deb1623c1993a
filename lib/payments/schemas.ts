import { z } from "zod";
import { dateSchema, idSchema, optionalText } from "@/lib/validation/common";
import { msg } from "@/lib/validation/message-key";

// Payments staff record by hand; card payments come from Stripe, never from this form.
export const MANUAL_METHODS = ["cash", "bank_transfer"] as const;

export const manualPaymentSchema = z.object({
  invoiceId: idSchema,
  method: z.enum(MANUAL_METHODS, { error: msg("chooseCashOrTransfer") }),
  // Parsed into minor units against the invoice's currency on the server.
  amount: z.string().trim().min(1, msg("enterAmount")),
  paidOn: dateSchema,
  reference: optionalText(200),
});

export type ManualPaymentInput = z.output<typeof manualPaymentSchema>;
export type ManualPaymentValues = z.input<typeof manualPaymentSchema>;
