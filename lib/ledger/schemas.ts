import { z } from "zod";
import { dateSchema, idSchema } from "@/lib/validation/common";

// Shared by the "Add entry" form (zodResolver) and its server action. The amount stays a
// string here: it is parsed against the dojo's currency inside the action.
export const manualEntrySchema = z.object({
  kind: z.enum(["cost", "revenue"], "Choose cost or revenue"),
  date: dateSchema,
  category: z.string().trim().min(1, "Enter a category").max(60, "Use at most 60 characters"),
  description: z.string().trim().min(1, "Describe the entry").max(300, "Use at most 300 characters"),
  amount: z.string().trim().min(1, "Enter an amount"),
});
export type ManualEntryInput = z.input<typeof manualEntrySchema>;

export const correctEntrySchema = z.object({
  entryId: idSchema,
  reason: z.string().trim().min(1, "Say why the entry is corrected").max(200, "Use at most 200 characters"),
});
export type CorrectEntryInput = z.input<typeof correctEntrySchema>;
