"use client";
import { useState } from "react";
import { ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/forms/form-error";
import type { ActionResult } from "@/lib/action-result";
import { loadStripeJs } from "./load-stripe";

type Payment = { status: "paid" } | { status: "requires_action"; clientSecret: string; publishableKey: string };

interface PaySubscriptionInvoiceProps {
  stripeJsUrl: string | null;
  label: string;
  /** Pays with the saved card, or hands back the payment waiting for the bank's confirmation. */
  pay: () => Promise<ActionResult<Payment>>;
  /** After the bank's check in the browser: the server reads the outcome from Stripe. */
  settle: () => Promise<ActionResult<{ paid: boolean }>>;
  onPaid: () => void;
}

/** Pays or authenticates (PSD2 / 3-D Secure) an unpaid subscription invoice with the card holder present. */
export function PaySubscriptionInvoice({ stripeJsUrl, label, pay, settle, onPaid }: PaySubscriptionInvoiceProps) {
  const t = useTranslations("components.payInvoice");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function run() {
    setError(null);
    setPending(true);
    try {
      const result = await pay();
      if (!result.ok) return setError(result.error);
      if (result.data.status === "requires_action") {
        const stripe = await loadStripeJs(result.data.publishableKey, stripeJsUrl);
        const confirmed = await stripe.confirmCardPayment(result.data.clientSecret);
        const settled = await settle();
        if (!settled.ok) return setError(settled.error);
        if (!settled.data.paid) return setError(confirmed.error?.message ?? t("notConfirmed"));
      }
      onPaid();
    } catch (e) {
      setError(e instanceof Error ? e.message : t("failed"));
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button onClick={() => void run()} pending={pending}>
        <ShieldCheck className="size-4" aria-hidden />
        {label}
      </Button>
    </div>
  );
}
