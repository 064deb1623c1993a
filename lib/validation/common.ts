import { z } from "zod";
import { canonicalTimeZone } from "@/lib/dates";
import { isCurrencyCode, isStripeCurrency } from "@/lib/money";

// Field schemas used by more than one form.
export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid e-mail address").max(200);
export const passwordSchema = z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");
export const nameSchema = z.string().trim().min(1, "Required").max(100, "Use at most 100 characters");
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, "Enter a 3-letter ISO currency code such as EUR");
/** A currency a dojo can take card payments in: a dojo's and its Stripe account's. */
export const stripeCurrencySchema = currencySchema.refine(isStripeCurrency, {
  error: (issue) => `Stripe does not take payments in ${String(issue.input)}; choose another currency`,
});
export const idSchema = z.string().uuid("Not found");
/** An optional text field: empty input becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
/** A calendar date as YYYY-MM-DD (what <input type="date"> sends). */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date").refine((v) => !Number.isNaN(Date.parse(v)), "Enter a valid date");
/** An IANA time zone name ("Europe/Amsterdam"), stored in its canonical spelling. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .refine((name) => canonicalTimeZone(name) !== null, "Enter a time zone name such as Europe/Amsterdam")
  .transform((name) => canonicalTimeZone(name)!);
