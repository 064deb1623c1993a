import { getDb } from "@/db/client";
import { requireMemberPage } from "@/lib/auth/session";
import { cardAvailability, memberSavedCard } from "@/lib/payments/card/card-availability";
import { formatMoney } from "@/lib/money";
import { PayCardButton } from "./pay-card-button";
import { PaySavedCardButton } from "./pay-saved-card-button";

interface PaymentOptionsProps {
  invoice: { id: string; number: string | null; openMinor: number; currency: string };
  dojoName: string;
}

/** How a member can pay an open invoice: with their saved card or another card when the dojo takes cards, else at the dojo or by transfer. */
export async function PaymentOptions({ invoice, dojoName }: PaymentOptionsProps) {
  const { dojo, member } = await requireMemberPage();
  const db = await getDb();
  const card = await cardAvailability(db, dojo);
  const saved = card.connected ? await memberSavedCard(db, dojo.id, member.id) : null;
  return (
    <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">Still to pay: {formatMoney(invoice.openMinor, invoice.currency)}</p>
      {card.connected && (
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {saved && <PaySavedCardButton invoice={invoice} card={{ brand: saved.brand, last4: saved.last4 }} stripeJsUrl={card.stripeJsUrl} />}
          <PayCardButton invoice={invoice} stripeJsUrl={card.stripeJsUrl} label={saved ? "Pay with another card" : undefined} />
        </div>
      )}
      <p className="text-sm text-amber-900">
        {card.connected ? "Or pay" : "Pay"} at {dojoName} or by bank transfer{invoice.number ? `, quoting invoice ${invoice.number}` : ""}.
      </p>
    </div>
  );
}
