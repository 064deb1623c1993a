import { z } from "zod";
import { mergeCodeError } from "@/lib/mail/merge-codes";
import { idSchema } from "@/lib/validation/common";
import { limitMsg, msg } from "@/lib/validation/message-key";

export const recipientFilterSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({
    kind: z.literal("filter"),
    status: z.enum(["active", "inactive", "all"]).default("active"),
    noCard: z.boolean().default(false),
    openInvoices: z.boolean().default(false),
    // "paused": a live subscription whose collection is paused.
    subscribedTo: z.union([z.literal("any"), z.literal("paused"), idSchema]).nullable().default(null),
    familyPayers: z.boolean().default(false),
  }),
  z.object({ kind: z.literal("picked"), memberIds: z.array(idSchema).min(1, msg("pickMember")).max(5000) }),
]);

const withCodes = (max: number) =>
  z
    .string()
    .trim()
    .min(1, msg("required"))
    .max(max, limitMsg("maxChars"))
    .superRefine((text, ctx) => {
      const error = mergeCodeError(text);
      if (error) ctx.addIssue({ code: "custom", message: error });
    });

export const campaignContentSchema = z.object({ subject: withCodes(200), body: withCodes(20_000) });
export const campaignInputSchema = campaignContentSchema.extend({ recipients: recipientFilterSchema });
export type CampaignInput = z.output<typeof campaignInputSchema>;

export const previewSchema = campaignContentSchema.extend({ memberId: idSchema });
export const testSendSchema = campaignContentSchema.extend({ memberId: idSchema.optional() });
export const recipientCountSchema = z.object({ recipients: recipientFilterSchema });
export const campaignIdSchema = z.object({ id: idSchema });
