import { z } from "zod";
import { dateSchema, idSchema, optionalText } from "@/lib/validation/common";

// Payments staff record by hand; card payments come from Stripe, never from this form.
export const MANUAL_METHODS = ["cash", "bank_transfer"] as const;
export const METHOD_LABELS = { cash: "Cash", bank_transfer: "Bank transfer", card: "Card" } as const;

export const manualPaymentSchema = z.object({
  invoiceId: idSchema,
  method: z.enum(MANUAL_METHODS, { error: "Choose cash or bank transfer" }),
  // Parsed into minor units against the invoice's currency on the server.
  amount: z.string().trim().min(1, "Enter an amount"),
  paidOn: dateSchema,
  reference: optionalText(200),
});

export type ManualPaymentInput = z.output<typeof manualPaymentSchema>;
export type ManualPaymentValues = z.input<typeof manualPaymentSchema>;
