import { getDb } from "@/db/client";
import { formatDate } from "@/lib/dates";
import { memberLocale } from "@/lib/i18n/member-locale";
import { translator } from "@/lib/i18n/messages";
import type { SavedCard } from "@/lib/payments/card/saved-card";

/** The member's saved SEPA account: IBAN's last four, the bank's code and the day they gave the mandate, in their language. */
export async function SavedMandate({ dojoId, memberId, timeZone, account }: { dojoId: string; memberId: string; timeZone: string; account: SavedCard }) {
  const locale = await memberLocale(await getDb(), dojoId, memberId);
  const t = translator(locale, "mandate");
  const bank = account.bankCode ?? t("unknownBank");
  const acceptedAt = account.mandate?.acceptedAt ?? null;
  return (
    <span className="block" data-testid="my-mandate">
      <span className="block font-medium">{t("account", { last4: account.last4 })}</span>
      <span className="block text-stone-500">{acceptedAt ? t("details", { bank, date: formatDate(acceptedAt, timeZone, locale) }) : t("detailsNoDate", { bank })}</span>
    </span>
  );
}
