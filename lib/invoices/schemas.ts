import { z } from "zod";
import { dateSchema, idSchema, optionalText } from "@/lib/validation/common";

// Shared by the invoice form (zodResolver) and the server actions. Unit prices stay strings
// here: they are parsed into minor units against the dojo's currency on the server.
export const invoiceLineSchema = z.object({
  description: z.string().trim().min(1, "Enter a description").max(500, "Use at most 500 characters"),
  quantity: z.coerce
    .number<string | number>({ error: "Enter a whole number" })
    .int("Use a whole number")
    .min(1, "Use at least 1")
    .max(100_000, "Use at most 100000"),
  unitPrice: z.string().trim().min(1, "Enter a price"),
});

const isDate = (v: unknown) => typeof v === "string" && dateSchema.safeParse(v).success;

export const invoiceInputSchema = z
  .object({
    memberId: z.string().uuid("Choose a member"),
    lines: z.array(invoiceLineSchema).min(1, "Add at least one line").max(100, "Use at most 100 lines"),
    issueDate: dateSchema,
    dueDate: dateSchema,
    notes: optionalText(2000),
    // Save as a draft (false) or issue at once, which assigns the number.
    issue: z.boolean().default(false),
  })
  .refine((v) => v.dueDate >= v.issueDate, {
    path: ["dueDate"],
    message: "The due date cannot be before the issue date",
    // Checked whenever both dates are valid, even if other fields have errors.
    when: (payload) => {
      const v = payload.value as { issueDate?: unknown; dueDate?: unknown };
      return isDate(v?.issueDate) && isDate(v?.dueDate);
    },
  });

export const updateInvoiceSchema = invoiceInputSchema.and(z.object({ id: idSchema }));

export const invoiceIdSchema = z.object({ id: idSchema });

export const voidInvoiceSchema = z.object({
  id: idSchema,
  reason: z.string().trim().min(1, "Give a reason").max(500, "Use at most 500 characters"),
});

export const memberSearchSchema = z.object({ q: z.string().trim().max(100).default("") });

export type InvoiceInput = z.output<typeof invoiceInputSchema>;
export type InvoiceFormValues = z.input<typeof invoiceInputSchema>;
export type InvoiceLineInput = z.output<typeof invoiceLineSchema>;
