import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { nameSchema, optionalText, timeZoneSchema } from "@/lib/validation/common";
import { limitMsg, msg } from "@/lib/validation/message-key";

/** ISO 13616: two letters, two check digits, then up to 30 letters or digits; mod 97 must be 1. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** IBAN in groups of four, as printed on invoices: "DE89 3704 0044 0532 0130 00". */
export const formatIban = (iban: string) => iban.replace(/(.{4})/g, "$1 ").trim();

// Only the characters a VAT or company register number uses (letters, digits, spaces, . - /).
const registerNumber = (message: string) => optionalText(32).refine((v) => v === null || /^[A-Za-z0-9 .\/-]+$/.test(v), message);

/** The owner's form in Settings → Dojo profile: the seller block of every invoice. */
export const dojoProfileSchema = z.object({
  name: nameSchema,
  // Left out, the dojo keeps its zone.
  timeZone: timeZoneSchema.optional(),
  // The language of member pages and mails for members who chose none; left out, it is kept.
  defaultLanguage: z.enum(LOCALES).optional(),
  legalName: optionalText(200),
  address: optionalText(500),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200, limitMsg("maxChars"))
    .optional()
    .nullable()
    .transform((v) => v || null)
    .refine((v) => v === null || z.string().email().safeParse(v).success, msg("invalidEmail")),
  phone: optionalText(30).refine((v) => v === null || /^[+0-9 ()./-]{5,}$/.test(v), msg("enterPhone")),
  vatNumber: registerNumber(msg("vatNumberChars")),
  companyNumber: registerNumber(msg("companyNumberChars")),
  bankAccountHolder: optionalText(200),
  iban: optionalText(42)
    .transform((v) => (v ? v.replace(/\s+/g, "").toUpperCase() : null))
    .refine((v) => v === null || isValidIban(v), msg("invalidIban")),
  bic: optionalText(11)
    .transform((v) => (v ? v.replace(/\s+/g, "").toUpperCase() : null))
    .refine((v) => v === null || /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v), msg("invalidBic")),
  invoiceFooter: optionalText(1000),
});
export type DojoProfileInput = z.output<typeof dojoProfileSchema>;

// A logo is printed in the PDF, whose renderer reads PNG and JPEG only.
export const MAX_LOGO_BYTES = 512 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg"] as const;
