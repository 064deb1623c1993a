import { z } from "zod";
import { dateSchema, idSchema, optionalText } from "@/lib/validation/common";
import { limitMsg, msg } from "@/lib/validation/message-key";

// Shared by the invoice form (zodResolver) and the server actions. Unit prices stay strings
// here: they are parsed into minor units against the dojo's currency on the server.
export const invoiceLineSchema = z.object({
  description: z.string().trim().min(1, msg("enterDescription")).max(500, limitMsg("maxChars")),
  quantity: z.coerce
    .number<string | number>({ error: msg("enterWholeNumber") })
    .int(msg("useWholeNumber"))
    .min(1, limitMsg("useAtLeast"))
    .max(100_000, limitMsg("useAtMost")),
  unitPrice: z.string().trim().min(1, msg("enterPrice")),
});

const isDate = (v: unknown) => typeof v === "string" && dateSchema.safeParse(v).success;

export const invoiceInputSchema = z
  .object({
    memberId: z.string().uuid(msg("chooseMember")),
    lines: z.array(invoiceLineSchema).min(1, msg("addLine")).max(100, limitMsg("maxLines")),
    issueDate: dateSchema,
    dueDate: dateSchema,
    notes: optionalText(2000),
    // Save as a draft (false) or issue at once, which assigns the number.
    issue: z.boolean().default(false),
  })
  .refine((v) => v.dueDate >= v.issueDate, {
    path: ["dueDate"],
    message: msg("dueBeforeIssue"),
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
  reason: z.string().trim().min(1, msg("giveReason")).max(500, limitMsg("maxChars")),
});

export const memberSearchSchema = z.object({ q: z.string().trim().max(100).default("") });

export type InvoiceInput = z.output<typeof invoiceInputSchema>;
export type InvoiceFormValues = z.input<typeof invoiceInputSchema>;
export type InvoiceLineInput = z.output<typeof invoiceLineSchema>;
