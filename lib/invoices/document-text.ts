// The printed invoice's and the PDF's words, money and dates, in the language of the member the
// invoice is for (messages/<locale>.json "invoiceDocument"): one source, so the two never disagree.
import type { Seller } from "@/lib/dojos/profile";
import { formatIban } from "@/lib/dojos/profile-schema";
import { formatIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

export function invoiceDocumentText(locale: Locale) {
  const t = translator(locale, "invoiceDocument");
  return {
    t,
    ...formatIn(locale),
    /** The seller's bank account, a line per detail it has. */
    bankLines: (seller: Pick<Seller, "bankAccountHolder" | "iban" | "bic">): string[] =>
      [
        seller.bankAccountHolder && t("accountHolder", { name: seller.bankAccountHolder }),
        seller.iban && t("iban", { iban: formatIban(seller.iban) }),
        seller.bic && t("bic", { bic: seller.bic }),
      ].filter((line): line is string => !!line),
  };
}

export type InvoiceDocumentText = ReturnType<typeof invoiceDocumentText>;
