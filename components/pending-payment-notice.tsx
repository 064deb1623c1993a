import { DEFAULT_LOCALE, moneyLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import { DELAYED_METHOD_SHORT } from "@/lib/stripe/payment-methods";

/**
 * An invoice whose payment by a delayed method (SEPA Direct Debit) is processing: nothing is booked
 * yet, and no second payment is offered until the bank answers. In the member's language in the
 * members area; English for staff until their pages have a language.
 */
export function PendingPaymentNotice({ pending, locale = DEFAULT_LOCALE }: { pending: { method: string; amountMinor: number; currency: string }; locale?: Locale }) {
  const t = translator(locale, "components");
  return (
    <p role="status" data-testid="payment-pending" className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
      {t.rich("pendingPayment", {
        method: DELAYED_METHOD_SHORT[pending.method] ?? pending.method,
        amount: formatMoney(pending.amountMinor, pending.currency, moneyLocale(locale)),
        strong: (chunks) => <span className="font-medium">{chunks}</span>,
      })}
    </p>
  );
}
