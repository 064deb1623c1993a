"use client";
import { useCallback, useState } from "react";
import { CreditCard } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/forms/form-error";
import type { ActionResult } from "@/lib/action-result";
import { useEmbeddedCheckout } from "./use-embedded-checkout";

interface CardSetupCheckoutProps {
  stripeJsUrl: string | null;
  /** Opens the setup-mode Checkout Session on the server. */
  open: () => Promise<ActionResult<{ clientSecret: string; publishableKey: string }>>;
  /** Checkout finished: the server re-reads the session and makes the card the default. */
  complete: (sessionId: string) => Promise<ActionResult<{ saved: boolean; method?: string | null }>>;
  /** `method`: what was saved ("Visa •••• 4242", "SEPA Direct Debit •••• 3000"). */
  onSaved: (method: string | null) => void;
  /** "Add card" unless said otherwise. */
  startLabel?: string;
}

/** Stripe Checkout in setup mode: the card is entered on Stripe's form only, saved for later payments. Words: components.cardSetup. */
export function CardSetupCheckout({ stripeJsUrl, open, complete, onSaved, startLabel }: CardSetupCheckoutProps) {
  const t = useTranslations("components.cardSetup");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const onComplete = useCallback(
    async (sessionId: string) => {
      setSaving(true);
      const result = await complete(sessionId);
      setSaving(false);
      if (result.ok && result.data.saved) return onSaved(result.data.method ?? null);
      setError(result.ok ? t("notConfirmed") : result.error);
    },
    [complete, onSaved, t],
  );
  const { containerRef, stage, error: checkoutError, start } = useEmbeddedCheckout({ stripeJsUrl, open, onComplete });
  return (
    <div className="space-y-4">
      <FormError message={error ?? checkoutError} />
      {(stage === "idle" || stage === "error") && (
        <Button onClick={() => void start()}>
          <CreditCard className="size-4" aria-hidden />
          {startLabel ?? t("add")}
        </Button>
      )}
      {stage === "loading" && (
        <p role="status" className="text-sm text-stone-600">
          {t("opening")}
        </p>
      )}
      {saving && (
        <p role="status" className="text-sm text-stone-600">
          {t("saving")}
        </p>
      )}
      <div ref={containerRef} className={stage === "mounted" ? "min-h-80" : "hidden"} data-testid="stripe-checkout" />
    </div>
  );
}
