"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { CreditCard } from "lucide-react";
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
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"confirming" | "charging" | null>(null);
  // A payment page for the invoice is open (members area or another window): charging closes it first.
  const [openElsewhere, setOpenElsewhere] = useState<"member" | "staff" | null>(null);
  const amount = formatMoney(openMinor, currency);

  const paid = useCallback(() => {
    toast({ tone: "success", title: "Payment received", description: `${amount} paid by card for invoice ${number}.` });
    setOpen(false);
    router.refresh();
  }, [amount, number, router, toast]);

  // Stripe took the money but the invoice could not (paid meanwhile, voided): it goes back by itself.
  const refunded = useCallback(
    (refund: { amount: string; why: string }) => {
      toast({ tone: "info", title: `${refund.why}: ${refund.amount} is refunded automatically`, description: `Nothing more was recorded on invoice ${number}; the card holder gets the money back and an e-mail.` });
      setOpen(false);
      router.refresh();
    },
    [number, router, toast],
  );

  const onComplete = useCallback(
    async (sessionId: string) => {
      setBusy("confirming");
      const result = await confirmInvoiceCheckoutAction({ sessionId });
      setBusy(null);
      if (result.ok && result.data.outcome === "paid") return paid();
      if (result.ok && result.data.outcome === "refunded" && result.data.refund) return refunded(result.data.refund);
      setError(result.ok ? "Stripe has not confirmed the payment. The invoice is still open." : result.error);
    },
    [paid, refunded],
  );
  const openSession = useCallback(() => openInvoiceCheckoutAction({ invoiceId }), [invoiceId]);
  const { containerRef, stage, error: checkoutError, start, destroy } = useEmbeddedCheckout({ stripeJsUrl, open: openSession, onComplete });

  const challenge = useSavedCardChallenge(stripeJsUrl, confirmSavedCardAction);

  /** Ends a saved-card charge: paid, refunded or an error to show; false when it did not go through. */
  const finish = useCallback(
    (result: ActionResult<SavedCardCharge>): boolean => {
      if (result.ok && result.data.status === "succeeded") paid();
      else if (result.ok && result.data.status === "refunded") refunded(result.data.refund);
      else return false;
      return true;
    },
    [paid, refunded],
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
        if (!finish(confirmed)) toast({ tone: "error", title: confirmed.ok ? "The bank has not confirmed the payment. Nothing was charged; the invoice is still open." : confirmed.error });
        return true;
      }
      if (finish(result)) return true;
      setError(result.ok ? "The bank asked for another confirmation. Please try again." : result.error);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : "The card could not be charged. Please try again.");
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
          Pay
        </Button>
      }
      title={`Pay invoice ${number ?? ""}`.trim()}
      description={`${amount} is still open.`}
    >
      <div className="space-y-4">
        <FormError message={error ?? checkoutError} />
        {!connected ? (
          <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Stripe is not connected. The owner can connect it in Settings → Stripe; until then, record cash or bank transfers with Record payment.
          </p>
        ) : (
          showChoices && (
            <div className="grid gap-2">
              <Button onClick={() => void start()} disabled={busy !== null}>
                <CreditCard className="size-4" aria-hidden />
                Pay with Stripe
              </Button>
              {savedCard && (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" disabled={busy !== null}>
                      Charge saved card ({cardName(savedCard)})
                    </Button>
                  }
                  title={`Charge ${amount} to ${cardName(savedCard)}?`}
                  description={`The member's saved card is charged ${amount} for invoice ${number ?? ""} now. If their bank asks for 3-D Secure, the card holder confirms it on this screen.`}
                  confirmLabel={`Charge ${amount}`}
                  onConfirm={() => chargeSaved()}
                />
              )}
              {savedCard && openElsewhere && (
                <div role="alert" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  <p>
                    {openElsewhere === "member" ? "The member has a payment page for this invoice open in the members area." : "A Stripe payment page for this invoice is still open (opened at the desk)."} Nothing was
                    charged. Charging the saved card closes that page first, so the invoice cannot be paid twice.
                  </p>
                  <Button variant="secondary" size="sm" onClick={() => void chargeSaved(true)} pending={busy === "charging"} disabled={busy !== null}>
                    Close it and charge the saved card
                  </Button>
                </div>
              )}
              <p className="text-xs text-stone-500">Cash or bank transfer? Close this and use Record payment.</p>
            </div>
          )
        )}
        {stage === "loading" && (
          <p role="status" className="text-sm text-stone-600">
            Opening Stripe Checkout…
          </p>
        )}
        {busy === "confirming" && (
          <p role="status" className="text-sm text-stone-600">
            Confirming the payment with Stripe…
          </p>
        )}
        <div ref={containerRef} className={stage === "mounted" ? "min-h-80" : "hidden"} data-testid="stripe-checkout" />
      </div>
    </Dialog>
  );
}
