"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { CreditCard } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { cardName } from "@/lib/stripe/card-name";
import { useSavedCardChallenge } from "@/components/stripe/saved-card-challenge";
import type { ActionResult } from "@/lib/action-result";
import type { SavedCardCharge } from "@/lib/payments/card/charge-saved-card";
import { formatMoney } from "@/lib/money";
import { confirmSavedCardPaymentAction, payWithSavedCardAction } from "./card-actions";

interface PaySavedCardButtonProps {
  invoice: { id: string; number: string | null; openMinor: number; currency: string };
  card: { brand: string; last4: string };
  stripeJsUrl: string | null;
}

/** "Pay with my saved card": one confirmation, then 3-D Secure on this page when the bank asks. */
export function PaySavedCardButton({ invoice, card, stripeJsUrl }: PaySavedCardButtonProps) {
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const amount = formatMoney(invoice.openMinor, invoice.currency);
  const challenge = useSavedCardChallenge(stripeJsUrl, confirmSavedCardPaymentAction);

  /** Toasts the end of the payment; false when it did not go through. */
  function finish(result: ActionResult<SavedCardCharge>): boolean {
    if (result.ok && result.data.status === "succeeded") {
      toast({ tone: "success", title: "Thank you, your payment was received", description: `Invoice ${invoice.number} is paid with ${cardName(card)}. A receipt is on its way by e-mail.` });
    } else if (result.ok && result.data.status === "refunded") {
      const { refund } = result.data;
      toast({ tone: "info", title: `This invoice was already settled: ${refund.amount} is refunded to your card`, description: `${refund.why}. The refund is automatic; you will get an e-mail.` });
    } else {
      return false;
    }
    router.refresh();
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" className="w-full sm:w-auto">
          <CreditCard className="size-4" aria-hidden />
          Pay with my saved card
        </Button>
      }
      title={`Pay ${amount} with your saved card?`}
      description={`${cardName(card)} is charged ${amount} for invoice ${invoice.number ?? ""} now. Your bank may ask you to confirm the payment.`}
      confirmLabel={`Pay ${amount}`}
      onConfirm={async () => {
        setError(null);
        const result = await payWithSavedCardAction({ invoiceId: invoice.id });
        if (result.ok && result.data.status === "requires_action") {
          const pending = result.data;
          // The challenge runs once this dialog has closed; its outcome comes as a toast.
          void challenge(pending).then((confirmed) => {
            if (!finish(confirmed)) toast({ tone: "error", title: confirmed.ok ? "Your bank has not confirmed the payment. Nothing was charged; please try again." : confirmed.error });
          });
          return true;
        }
        if (finish(result)) return true;
        setError(result.ok ? "The payment could not be completed. Nothing was charged; please try again." : result.error);
        return false;
      }}
    >
      <FormError message={error} />
    </ConfirmDialog>
  );
}
