"use client";
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";
import type { SavedCardCharge } from "@/lib/payments/card/charge-saved-card";
import { loadStripeJs } from "./load-stripe";

type Challenge = Extract<SavedCardCharge, { status: "requires_action" }>;

/** Two frames: React commits the closed dialogs, then Radix has given the page its pointer events back. */
const dialogsClosed = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/**
 * The bank's 3-D Secure challenge for a saved-card charge, then the server's confirmation (which
 * reads the outcome from Stripe, never from the browser). Called once the dialogs are closed: a
 * modal dialog makes the rest of the page inert, and Stripe's challenge frame sits outside it.
 */
export function useSavedCardChallenge(stripeJsUrl: string | null, confirm: (input: { paymentIntentId: string }) => Promise<ActionResult<SavedCardCharge>>) {
  const t = useTranslations("components.checkout");
  return useCallback(
    async (challenge: Challenge): Promise<ActionResult<SavedCardCharge>> => {
      await dialogsClosed();
      try {
        const stripe = await loadStripeJs(challenge.publishableKey, stripeJsUrl);
        await stripe.handleNextAction({ clientSecret: challenge.clientSecret });
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : t("stripeJsFailed") };
      }
      return confirm({ paymentIntentId: challenge.paymentIntentId });
    },
    [stripeJsUrl, confirm, t],
  );
}
