"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { CreditCard } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { cardName } from "@/lib/stripe/card-name";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useSavedCardChallenge } from "@/components/stripe/saved-card-challenge";
import type { ActionResult } from "@/lib/action-result";
import type { SavedCardCharge } from "@/lib/payments/card/charge-saved-card";
import { useEmbeddedCheckout } from "@/components/stripe/use-embedded-checkout";
import { formatMoney } from "@/lib/money";
import { moneyLocale } from "@/lib/i18n/locales";
import { chargeSavedCardAction, confirmInvoiceCheckoutAction, confirmSavedCardAction, openInvoiceCheckoutAction } from "./card-actions";

interface CardPayDialogProps {
  invoiceId: string;
  number: string | null;
  currency: string;
  openMinor: number;
  connected: boolean;
  stripeJsUrl: string | null;
  savedCard: { brand: string; last4: string } | null;
}

/** "Pay": Stripe Checkout embedded in the dialog, or the member's saved card (3-D Secure when the bank asks). */
export function CardPayDialog({ invoiceId, number, currency, openMinor, connected, stripeJsUrl, savedCard }: CardPayDialogProps) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.invoices.cardPay");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"confirming" | "charging" | null>(null);
  // A payment page for the invoice is open (members area or another window): charging closes it first.
  const [openElsewhere, setOpenElsewhere] = useState<"member" | "staff" | null>(null);
  const amount = formatMoney(openMinor, currency, moneyLocale(locale));
  const invoice = number ?? "";

  const paid = useCallback(() => {
    toast({ tone: "success", title: t("paid"), description: t("paidDescription", { amount, number: invoice }) });
    setOpen(false);
    router.refresh();
  }, [amount, invoice, router, toast, t]);

  // Stripe took the money but the invoice could not (paid meanwhile, voided): it goes back by itself.
  const refunded = useCallback(
    (refund: { amount: string; why: string }) => {
      toast({ tone: "info", title: t("refunded", { why: refund.why, amount: refund.amount }), description: t("refundedDescription", { number: invoice }) });
      setOpen(false);
      router.refresh();
    },
    [invoice, router, toast, t],
  );

  const onComplete = useCallback(
    async (sessionId: string) => {
      setBusy("confirming");
      const result = await confirmInvoiceCheckoutAction({ sessionId });
      setBusy(null);
      if (result.ok && result.data.outcome === "paid") return paid();
      if (result.ok && result.data.outcome === "refunded" && result.data.refund) return refunded(result.data.refund);
      if (result.ok && result.data.outcome === "processing") {
        toast({ tone: "info", title: t("pending"), description: t("pendingDescription", { number: invoice }) });
        setOpen(false);
        return router.refresh();
      }
      setError(result.ok ? t("notConfirmed") : result.error);
    },
    [paid, refunded, invoice, router, toast, t],
  );
  const openSession = useCallback(() => openInvoiceCheckoutAction({ invoiceId }), [invoiceId]);
  const { containerRef, stage, error: checkoutError, start, destroy } = useEmbeddedCheckout({ stripeJsUrl, open: openSession, onComplete });

  const challenge = useSavedCardChallenge(stripeJsUrl, confirmSavedCardAction);

  /** Ends a saved-card charge: paid, refunded or an error to show; false when it did not go through. */
  const finish = useCallback(
    (result: ActionResult<SavedCardCharge>): boolean => {
      if (result.ok && result.data.status === "succeeded") paid();
      else if (result.ok && result.data.status === "refunded") refunded(result.data.refund);
      else if (result.ok && result.data.status === "processing") {
        toast({ tone: "info", title: "Payment pending (SEPA)", description: `Nothing is booked on invoice ${number} until the bank confirms the debit.` });
        setOpen(false);
        router.refresh();
      } else return false;
      return true;
    },
    [paid, refunded, number, router, toast],
  );

  /** Charges the saved card (staff confirmed); false keeps the confirmation open with the error. */
  async function chargeSaved(closeOpenCheckout = false): Promise<boolean> {
    setError(null);
    setOpenElsewhere(null);
    setBusy("charging");
    try {
      const result = await chargeSavedCardAction({ invoiceId, closeOpenCheckout });
      if (result.ok && result.data.status === "checkout_open") {
        setOpenElsewhere(result.data.openedBy);
        return true;
      }
      if (result.ok && result.data.status === "requires_action") {
        // The card holder answers the bank's challenge on this screen, with the dialogs closed.
        setOpen(false);
        const confirmed = await challenge(result.data);
        if (!finish(confirmed)) toast({ tone: "error", title: confirmed.ok ? t("bankNotConfirmed") : confirmed.error });
        return true;
      }
      if (finish(result)) return true;
      setError(result.ok ? t("confirmAgain") : result.error);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : t("chargeFailed"));
      return true;
    } finally {
      setBusy(null);
    }
  }

  const showChoices = stage === "idle" || stage === "error";
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) destroy();
        setError(null);
        setOpenElsewhere(null);
        setOpen(next);
      }}
      trigger={
        <Button>
          <CreditCard className="size-4" aria-hidden />
          {t("pay")}
        </Button>
      }
      title={t("title", { number: invoice }).trim()}
      description={t("stillOpen", { amount })}
    >
      <div className="space-y-4">
        <FormError message={error ?? checkoutError} />
        {!connected ? (
          <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("notConnected")}
          </p>
        ) : (
          showChoices && (
            <div className="grid gap-2">
              <Button onClick={() => void start()} disabled={busy !== null}>
                <CreditCard className="size-4" aria-hidden />
                {t("payWithStripe")}
              </Button>
              {savedCard && (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" disabled={busy !== null}>
                      {t("chargeSaved", { card: cardName(savedCard) })}
                    </Button>
                  }
                  title={t("chargeTitle", { amount, card: cardName(savedCard) })}
                  description={t("chargeDescription", { amount, number: invoice })}
                  confirmLabel={t("chargeConfirm", { amount })}
                  onConfirm={() => chargeSaved()}
                />
              )}
              {savedCard && openElsewhere && (
                <div role="alert" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  <p>
                    {openElsewhere === "member" ? t("openByMember") : t("openAtDesk")} {t("openNothingCharged")}
                  </p>
                  <Button variant="secondary" size="sm" onClick={() => void chargeSaved(true)} pending={busy === "charging"} disabled={busy !== null}>
                    {t("closeAndCharge")}
                  </Button>
                </div>
              )}
              <p className="text-xs text-stone-500">{t("cashHint")}</p>
            </div>
          )
        )}
        {stage === "loading" && (
          <p role="status" className="text-sm text-stone-600">
            {t("opening")}
          </p>
        )}
        {busy === "confirming" && (
          <p role="status" className="text-sm text-stone-600">
            {t("confirming")}
          </p>
        )}
        <div ref={containerRef} className={stage === "mounted" ? "min-h-80" : "hidden"} data-testid="stripe-checkout" />
      </div>
    </Dialog>
  );
}
