"use client";
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/forms/form-error";
import { useEmbeddedCheckout } from "@/components/stripe/use-embedded-checkout";
import type { ActionResult } from "@/lib/action-result";
import type { PlanCheckout } from "@/lib/account-plans/checkout";
import { confirmPlanCheckoutAction } from "../actions";

type Confirmed = Extract<Awaited<ReturnType<typeof confirmPlanCheckoutAction>>, { ok: true }>["data"];

interface Props {
  label: string;
  variant?: "primary" | "secondary";
  title: string;
  description: string;
  stripeJsUrl: string | null;
  open: () => Promise<ActionResult<PlanCheckout>>;
  onDone: (result: Confirmed) => void;
}

/** Stripe Checkout of Tatami's own account (subscription or setup mode) in a dialog; confirmed on the server. */
export function CheckoutDialog({ label, variant = "primary", title, description, stripeJsUrl, open: openSession, onDone }: Props) {
  const t = useTranslations("staff.settings.account.checkout");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const onComplete = useCallback(
    async (sessionId: string) => {
      setConfirming(true);
      const result = await confirmPlanCheckoutAction({ sessionId });
      setConfirming(false);
      if (result.ok && result.data.kind !== "pending") {
        setOpen(false);
        onDone(result.data);
        return;
      }
      setError(result.ok ? t("notConfirmed") : result.error);
    },
    [onDone, t],
  );
  const { containerRef, stage, error: checkoutError, start, destroy } = useEmbeddedCheckout({ stripeJsUrl, open: openSession, onComplete });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) destroy();
        else void start();
        setError(null);
        setOpen(next);
      }}
      trigger={
        <Button variant={variant} className="w-full sm:w-auto">
          {label}
        </Button>
      }
      title={title}
      description={description}
    >
      <div className="space-y-4">
        <FormError message={error ?? checkoutError} />
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
        {stage === "error" && (
          <Button variant="secondary" onClick={() => void start()}>
            {t("retry")}
          </Button>
        )}
        <div ref={containerRef} className={stage === "mounted" ? "min-h-80" : "hidden"} data-testid="stripe-checkout" />
      </div>
    </Dialog>
  );
}
