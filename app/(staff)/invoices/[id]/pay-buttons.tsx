import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/session";
import { cardAvailability, memberSavedCard } from "@/lib/payments/card/card-availability";
import { CardPayDialog } from "./card-pay-dialog";
import { RecordPaymentDialog } from "./record-payment-dialog";

interface PayButtonsProps {
  invoiceId: string;
  memberId: string;
  number: string | null;
  currency: string;
  openMinor: number;
  today: string;
}

/**
 * Every way to take a payment for an open invoice: by card through Stripe (Checkout in a
 * dialog, or the member's saved card) and recording cash or a bank transfer.
 */
export async function PayButtons({ memberId, number, ...props }: PayButtonsProps) {
  const { dojo } = await requireStaffPage("invoices");
  const db = await getDb();
  const card = await cardAvailability(db, dojo);
  const savedCard = card.connected ? await memberSavedCard(db, dojo.id, memberId) : null;
  return (
    <>
      {card.planAllows && (
        <CardPayDialog
          invoiceId={props.invoiceId}
          number={number}
          currency={props.currency}
          openMinor={props.openMinor}
          connected={card.connected}
          stripeJsUrl={card.stripeJsUrl}
          savedCard={savedCard && { brand: savedCard.brand, last4: savedCard.last4 }}
        />
      )}
      <RecordPaymentDialog {...props} />
    </>
  );
}
