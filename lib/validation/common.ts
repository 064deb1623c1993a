import { z } from "zod";
import { canonicalTimeZone } from "@/lib/dates";
import { isCurrencyCode, isStripeCurrency } from "@/lib/money";
import { limitMsg, msg } from "./message-key";

// Field schemas used by more than one form.
export const emailSchema = z.string().trim().toLowerCase().email(msg("invalidEmail")).max(200);
export const passwordSchema = z.string().min(10, limitMsg("minChars")).max(200, limitMsg("maxChars"));
export const nameSchema = z.string().trim().min(1, msg("required")).max(100, limitMsg("maxChars"));
export const currencySchema = z.string().trim().toUpperCase().refine(isCurrencyCode, msg("currencyCode"));
/** A currency a dojo can take card payments in: a dojo's and its Stripe account's. */
export const stripeCurrencySchema = currencySchema.refine(isStripeCurrency, {
  error: (issue) => msg("stripeCurrency", { currency: String(issue.input) }),
});
export const idSchema = z.string().uuid(msg("notFound"));
/** An optional text field: empty input becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, limitMsg("maxChars"))
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
/** A calendar date as YYYY-MM-DD (what <input type="date"> sends). */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg("enterDate")).refine((v) => !Number.isNaN(Date.parse(v)), msg("validDate"));
/** An IANA time zone name ("Europe/Amsterdam"), stored in its canonical spelling. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, msg("chooseTimeZone"))
  .refine((name) => canonicalTimeZone(name) !== null, msg("timeZoneName"))
  .transform((name) => canonicalTimeZone(name)!);
