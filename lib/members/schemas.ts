import { z } from "zod";
import { today } from "@/lib/dates";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { dateSchema, emailSchema, idSchema, nameSchema, optionalText, passwordSchema } from "@/lib/validation/common";
import { msg } from "@/lib/validation/message-key";

/** Empty or whitespace-only input means "not given". */
const blankToNull = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

const optionalEmail = blankToNull.pipe(emailSchema.nullable());

const birthDate = blankToNull.pipe(
  dateSchema
    .refine((v) => v >= "1900-01-01", msg("dateAfter1900"))
    .refine((v) => v <= today(), msg("birthDateInFuture"))
    .nullable(),
);

export const memberFieldsSchema = z.object({
  firstName: nameSchema,
  lastName: nameSchema,
  email: optionalEmail,
  phone: optionalText(40),
  birthDate,
  address: optionalText(500),
  notes: optionalText(2000),
  // The member's language for pages and mails: "" = the dojo's default; left out (imports) = unchanged.
  language: z
    .string()
    .refine((v) => !v || isLocale(v), msg("chooseLanguage"))
    .transform((v) => (v === "" ? null : (v as Locale)))
    .optional(),
});
export type MemberFields = z.output<typeof memberFieldsSchema>;
/** What the member form holds: every field as typed text. */
export type MemberFormValues = { [K in keyof MemberFields]: string };

export const memberIdSchema = z.object({ id: idSchema });
export const updateMemberSchema = memberFieldsSchema.extend({ id: idSchema });
export const setPasswordSchema = z.object({ id: idSchema, password: passwordSchema });

export const MEMBER_STATUS_FILTERS = ["active", "inactive", "all"] as const;
export type MemberStatusFilter = (typeof MEMBER_STATUS_FILTERS)[number];
/** The list's status filter from a URL; anything unknown shows active members. */
export const statusFilterSchema = z.enum(MEMBER_STATUS_FILTERS).catch("active");
