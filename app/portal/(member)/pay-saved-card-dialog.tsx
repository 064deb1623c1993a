"use client";
import { useState, type RefObject } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { cardName } from "@/lib/stripe/card-name";
import { useSavedCardChallenge } from "@/components/stripe/saved-card-challenge";
import type { ActionResult } from "@/lib/action-result";
import type { SavedCardCharge } from "@/lib/payments/card/charge-saved-card";
import { moneyLocale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import { confirmSavedCardPaymentAction, payWithSavedCardAction } from "./card-actions";

export interface PaySavedCardDialogProps {
  invoice: { id: string; number: string | null; openMinor: number; currency: string };
  card: { brand: string; last4: string };
  stripeJsUrl: string | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opened it (./pay-saved-card-button.tsx), where focus returns on close. */
  returnFocusTo: RefObject<HTMLElement | null>;
}

/** One confirmation, then 3-D Secure on this page when the bank asks; loaded when "Pay with my saved card" is pressed. */
export function PaySavedCardDialog({ invoice, card, stripeJsUrl, open, onOpenChange, returnFocusTo }: PaySavedCardDialogProps) {
  const t = useTranslations("portal.pay");
  const locale = useLocale();
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const amount = formatMoney(invoice.openMinor, invoice.currency, moneyLocale(locale));
  const number = invoice.number ?? "";
  const challenge = useSavedCardChallenge(stripeJsUrl, confirmSavedCardPaymentAction);

  /** Toasts the end of the payment; false when it did not go through. */
  function finish(result: ActionResult<SavedCardCharge>): boolean {
    if (result.ok && result.data.status === "succeeded") {
      toast({ tone: "success", title: t("paidTitle"), description: t("paidWithCardDescription", { number, card: cardName(card) }) });
    } else if (result.ok && result.data.status === "processing") {
      toast({ tone: "info", title: t("pendingTitle"), description: t("pendingDescription", { number, card: cardName(card) }) });
    } else if (result.ok && result.data.status === "refunded") {
      const { refund } = result.data;
      toast({ tone: "info", title: t("refundedTitle", { amount: refund.amount }), description: t("refundedDescription", { why: refund.why }) });
    } else {
      return false;
    }
    router.refresh();
    return true;
  }

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      title={t("savedTitle", { amount })}
      description={t("savedDescription", { card: cardName(card), amount, number })}
      confirmLabel={t("payAmount", { amount })}
      cancelLabel={t("cancel")}
      onConfirm={async () => {
        setError(null);
        const result = await payWithSavedCardAction({ invoiceId: invoice.id });
        if (result.ok && result.data.status === "requires_action") {
          const pending = result.data;
          // The challenge runs once this dialog has closed; its outcome comes as a toast.
          void challenge(pending).then((confirmed) => {
            if (!finish(confirmed)) toast({ tone: "error", title: confirmed.ok ? t("notConfirmed") : confirmed.error });
          });
          return true;
        }
        if (finish(result)) return true;
        setError(result.ok ? t("failed") : result.error);
        return false;
      }}
    >
      <FormError message={error} />
    </ConfirmDialog>
  );
}
