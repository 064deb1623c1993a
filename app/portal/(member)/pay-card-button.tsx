"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { CreditCard } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { useEmbeddedCheckout } from "@/components/stripe/use-embedded-checkout";
import { formatMoney } from "@/lib/money";
import { confirmMemberCheckoutAction, openMemberCheckoutAction } from "./card-actions";

interface PayCardButtonProps {
  invoice: { id: string; number: string | null; openMinor: number; currency: string };
  stripeJsUrl: string | null;
  size?: "sm" | "md";
  /** "Pay with credit card" unless said otherwise (next to the saved card: "Pay with another card"). */
  label?: string;
}

/** "Pay with credit card": Stripe Checkout in a dialog that fills a phone's screen. */
export function PayCardButton({ invoice, stripeJsUrl, size = "md", label = "Pay with credit card" }: PayCardButtonProps) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const amount = formatMoney(invoice.openMinor, invoice.currency);

  const onComplete = useCallback(
    async (sessionId: string) => {
      setConfirming(true);
      const result = await confirmMemberCheckoutAction({ sessionId });
      setConfirming(false);
      if (result.ok && result.data.outcome === "paid") {
        toast({ tone: "success", title: "Thank you, your payment was received", description: `Invoice ${invoice.number} is paid. A receipt is on its way by e-mail.` });
        setOpen(false);
        router.refresh();
        return;
      }
      if (result.ok && result.data.outcome === "refunded" && result.data.refund) {
        const { refund } = result.data;
        toast({ tone: "info", title: `This invoice was already settled: ${refund.amount} is refunded to your card`, description: `${refund.why}. The refund is automatic; you will get an e-mail.` });
        setOpen(false);
        router.refresh();
        return;
      }
      setError(result.ok ? "Your bank has not confirmed the payment. Nothing was charged; please try again." : result.error);
    },
    [invoice.number, router, toast],
  );
  const openSession = useCallback(() => openMemberCheckoutAction({ invoiceId: invoice.id }), [invoice.id]);
  const { containerRef, stage, error: checkoutError, start, destroy } = useEmbeddedCheckout({ stripeJsUrl, open: openSession, onComplete });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) void start();
        else destroy();
        setError(null);
        setOpen(next);
      }}
      trigger={
        <Button size={size}>
          <CreditCard className="size-4" aria-hidden />
          {label}
        </Button>
      }
      title={`Pay invoice ${invoice.number ?? ""}`.trim()}
      description={`${amount} by card. Your card details go straight to Stripe.`}
    >
      <div className="space-y-3">
        <FormError message={error ?? checkoutError} />
        {stage === "error" && (
          <Button variant="secondary" onClick={() => void start()}>
            Try again
          </Button>
        )}
        {stage === "loading" && (
          <p role="status" className="text-sm text-stone-600">
            Opening secure checkout…
          </p>
        )}
        {confirming && (
          <p role="status" className="text-sm text-stone-600">
            Confirming your payment…
          </p>
        )}
        <div ref={containerRef} className={stage === "mounted" ? "-mx-2 min-h-80" : "hidden"} data-testid="stripe-checkout" />
      </div>
    </Dialog>
  );
}
