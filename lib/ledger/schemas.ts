import { z } from "zod";
import { dateSchema, idSchema } from "@/lib/validation/common";
import { limitMsg, msg } from "@/lib/validation/message-key";

// Shared by the "Add entry" form (zodResolver) and its server action. The amount stays a
// string here: it is parsed against the dojo's currency inside the action.
export const manualEntrySchema = z.object({
  kind: z.enum(["cost", "revenue"], msg("chooseCostOrRevenue")),
  date: dateSchema,
  category: z.string().trim().min(1, msg("enterCategory")).max(60, limitMsg("maxChars")),
  description: z.string().trim().min(1, msg("describeEntry")).max(300, limitMsg("maxChars")),
  amount: z.string().trim().min(1, msg("enterAmount")),
});
export type ManualEntryInput = z.input<typeof manualEntrySchema>;

export const correctEntrySchema = z.object({
  entryId: idSchema,
  reason: z.string().trim().min(1, msg("sayWhyCorrected")).max(200, limitMsg("maxChars")),
});
export type CorrectEntryInput = z.input<typeof correctEntrySchema>;
