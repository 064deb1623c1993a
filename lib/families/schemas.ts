import { z } from "zod";
import { emailSchema, idSchema, nameSchema } from "@/lib/validation/common";
import { limitMsg, msg } from "@/lib/validation/message-key";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * A family and its payer: a member of the dojo, or a separate contact (name + e-mail) who does
 * not train. Which fields are required follows the kind of payer chosen.
 */
export const familyFieldsSchema = z
  .object({
    name: nameSchema,
    payerKind: z.enum(["member", "contact"]),
    payerMemberId: z.preprocess(blank, idSchema.optional()),
    payerName: z.preprocess(blank, nameSchema.optional()),
    payerEmail: z.preprocess(blank, emailSchema.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.payerKind === "member" && !v.payerMemberId) ctx.addIssue({ code: "custom", path: ["payerMemberId"], message: msg("choosePayer") });
    if (v.payerKind === "contact" && !v.payerName) ctx.addIssue({ code: "custom", path: ["payerName"], message: msg("enterPayerName") });
    if (v.payerKind === "contact" && !v.payerEmail) ctx.addIssue({ code: "custom", path: ["payerEmail"], message: msg("enterPayerEmail") });
  })
  .transform((v) =>
    v.payerKind === "member"
      ? { name: v.name, payer: { kind: "member" as const, memberId: v.payerMemberId! } }
      : { name: v.name, payer: { kind: "contact" as const, name: v.payerName!, email: v.payerEmail! } },
  );
export type FamilyFields = z.output<typeof familyFieldsSchema>;
export type FamilyFormValues = { name: string; payerKind: "member" | "contact"; payerMemberId: string; payerName: string; payerEmail: string };

export const familyIdSchema = z.object({ familyId: idSchema });
export const updateFamilySchema = z.object({ familyId: idSchema }).and(familyFieldsSchema);
export const familyMemberSchema = z.object({ familyId: idSchema, memberId: idSchema });

/** The dojo's family discount: a whole percentage off the second and later members' subscriptions. */
export const familyDiscountSchema = z.object({ percent: z.coerce.number().int(msg("wholePercentage")).min(0, limitMsg("minOrMore")).max(100, limitMsg("atMost")) });
