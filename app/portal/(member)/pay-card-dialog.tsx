"use client";
import { useCallback, useEffect, useState, type RefObject } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { useEmbeddedCheckout } from "@/components/stripe/use-embedded-checkout";
import { moneyLocale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import { confirmMemberCheckoutAction, openMemberCheckoutAction } from "./card-actions";

export interface PayCardDialogProps {
  invoice: { id: string; number: string | null; openMinor: number; currency: string };
  stripeJsUrl: string | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opened it (./pay-card-button.tsx), where focus returns on close. */
  returnFocusTo: RefObject<HTMLElement | null>;
}

/** Stripe Checkout in a dialog that fills a phone's screen; loaded when "Pay with credit card" is pressed. */
export function PayCardDialog({ invoice, stripeJsUrl, open, onOpenChange, returnFocusTo }: PayCardDialogProps) {
  const t = useTranslations("portal.pay");
  const locale = useLocale();
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const amount = formatMoney(invoice.openMinor, invoice.currency, moneyLocale(locale));
  const number = invoice.number ?? "";

  const onComplete = useCallback(
    async (sessionId: string) => {
      setConfirming(true);
      const result = await confirmMemberCheckoutAction({ sessionId });
      setConfirming(false);
      if (result.ok && result.data.outcome === "paid") {
        toast({ tone: "success", title: t("paidTitle"), description: t("paidDescription", { number }) });
        onOpenChange(false);
        router.refresh();
        return;
      }
      if (result.ok && result.data.outcome === "refunded" && result.data.refund) {
        const { refund } = result.data;
        toast({ tone: "info", title: t("refundedTitle", { amount: refund.amount }), description: t("refundedDescription", { why: refund.why }) });
        onOpenChange(false);
        router.refresh();
        return;
      }
      if (result.ok && result.data.outcome === "processing") {
        toast({ tone: "info", title: t("processingTitle"), description: t("processingDescription", { number }) });
        onOpenChange(false);
        router.refresh();
        return;
      }
      setError(result.ok ? t("notConfirmed") : result.error);
    },
    [number, router, toast, onOpenChange, t],
  );
  const openSession = useCallback(() => openMemberCheckoutAction({ invoiceId: invoice.id }), [invoice.id]);
  const { containerRef, stage, error: checkoutError, start, destroy } = useEmbeddedCheckout({ stripeJsUrl, open: openSession, onComplete });
  // Opened by the button's click (the first one mounts this dialog already open): a session is opened only when asked for.
  useEffect(() => {
    if (open) void start();
  }, [open, start]);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) destroy();
        setError(null);
        onOpenChange(next);
      }}
      returnFocusTo={returnFocusTo}
      title={t("dialogTitle", { number })}
      description={t("dialogDescription", { amount })}
    >
      <div className="space-y-3">
        <FormError message={error ?? checkoutError} />
        {stage === "error" && (
          <Button variant="secondary" onClick={() => void start()}>
            {t("tryAgain")}
          </Button>
        )}
        {stage === "loading" && (
          <p role="status" className="text-sm text-stone-600">
            {t("opening")}
          </p>
        )}
        {confirming && (
          <p role="status" className="text-sm text-stone-600">
            {t("confirming")}
          </p>
        )}
        <div ref={containerRef} className={stage === "mounted" ? "-mx-2 min-h-80" : "hidden"} data-testid="stripe-checkout" />
      </div>
    </Dialog>
  );
}
