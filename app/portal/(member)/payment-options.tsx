import { getDb } from "@/db/client";
import { requireMemberPage } from "@/lib/auth/session";
import { cardAvailability, memberSavedCard } from "@/lib/payments/card/card-availability";
import { moneyLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import { PayCardButton } from "./pay-card-button";
import { PaySavedCardButton } from "./pay-saved-card-button";
import { payLabel } from "./pay-label";

interface PaymentOptionsProps {
  invoice: { id: string; number: string | null; openMinor: number; currency: string };
  dojoName: string;
  locale: Locale;
}

/** How a member can pay an open invoice: with their saved card or another card when the dojo takes cards, else at the dojo or by transfer. */
export async function PaymentOptions({ invoice, dojoName, locale }: PaymentOptionsProps) {
  const t = translator(locale, "portal.pay");
  const { dojo, member } = await requireMemberPage();
  const db = await getDb();
  const card = await cardAvailability(db, dojo);
  const saved = card.connected ? await memberSavedCard(db, dojo.id, member.id) : null;
  return (
    <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">{t("stillToPay", { amount: formatMoney(invoice.openMinor, invoice.currency, moneyLocale(locale)) })}</p>
      {card.connected && (
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {saved && <PaySavedCardButton invoice={invoice} card={{ brand: saved.brand, last4: saved.last4 }} stripeJsUrl={card.stripeJsUrl} />}
          <PayCardButton invoice={invoice} stripeJsUrl={card.stripeJsUrl} label={payLabel(t, card.methods, !!saved)} />
        </div>
      )}
      <p className="text-sm text-amber-900">
        {t(card.connected ? "orElsewhere" : "elsewhere", { dojo: dojoName, number: invoice.number ?? "" })}
      </p>
    </div>
  );
}
