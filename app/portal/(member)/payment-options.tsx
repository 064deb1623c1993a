import { getDb } from "@/db/client";
import { requireMemberPage } from "@/lib/auth/session";
import { cardAvailability } from "@/lib/payments/card/card-availability";
import { formatMoney } from "@/lib/money";
import { PayCardButton } from "./pay-card-button";

interface PaymentOptionsProps {
  invoice: { id: string; number: string | null; openMinor: number; currency: string };
  dojoName: string;
}

/** How a member can pay an open invoice: by card when the dojo takes cards, else at the dojo or by transfer. */
export async function PaymentOptions({ invoice, dojoName }: PaymentOptionsProps) {
  const { dojo } = await requireMemberPage();
  const card = await cardAvailability(await getDb(), dojo);
  return (
    <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">Still to pay: {formatMoney(invoice.openMinor, invoice.currency)}</p>
      {card.connected && <PayCardButton invoice={invoice} stripeJsUrl={card.stripeJsUrl} />}
      <p className="text-sm text-amber-900">
        {card.connected ? "Or pay" : "Pay"} at {dojoName} or by bank transfer{invoice.number ? `, quoting invoice ${invoice.number}` : ""}.
      </p>
    </div>
  );
}
