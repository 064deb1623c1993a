"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { StripeEmbeddedCheckout } from "@stripe/stripe-js";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";
import { loadStripeJs } from "./load-stripe";

export type CheckoutStage = "idle" | "loading" | "mounted" | "error";

interface Options {
  stripeJsUrl: string | null;
  /** The server action that opens the Checkout Session for this invoice. */
  open: () => Promise<ActionResult<{ clientSecret: string; publishableKey: string }>>;
  /** Checkout finished in the frame: confirm it on the server (never trust the browser). */
  onComplete: (sessionId: string) => void;
}

const sessionIdOf = (clientSecret: string) => clientSecret.slice(0, clientSecret.indexOf("_secret_"));

/**
 * Stripe's embedded Checkout inside one of our dialogs. Started by a click (so a session is
 * opened only when asked for), mounted into `containerRef`, destroyed when the dialog closes:
 * Stripe allows one embedded Checkout per page at a time.
 */
export function useEmbeddedCheckout({ stripeJsUrl, open, onComplete }: Options) {
  const t = useTranslations("components.checkout");
  const containerRef = useRef<HTMLDivElement>(null);
  const instance = useRef<StripeEmbeddedCheckout | null>(null);
  // One session at a time: a start from an effect (a dialog mounted open) may run twice in development.
  const starting = useRef(false);
  const [stage, setStage] = useState<CheckoutStage>("idle");
  const [error, setError] = useState<string | null>(null);
  const completeRef = useRef(onComplete);
  useEffect(() => {
    completeRef.current = onComplete;
  }, [onComplete]);

  const destroy = useCallback(() => {
    instance.current?.destroy();
    instance.current = null;
    setStage("idle");
    setError(null);
  }, []);

  const start = useCallback(async () => {
    if (instance.current || starting.current) return;
    starting.current = true;
    setStage("loading");
    setError(null);
    try {
      const result = await open();
      if (!result.ok) throw new Error(result.error);
      const { clientSecret, publishableKey } = result.data;
      const stripe = await loadStripeJs(publishableKey, stripeJsUrl);
      const checkout = await stripe.createEmbeddedCheckoutPage({
        fetchClientSecret: () => Promise.resolve(clientSecret),
        onComplete: () => completeRef.current(sessionIdOf(clientSecret)),
      });
      // The dialog was closed while Stripe was loading.
      if (!containerRef.current) {
        checkout.destroy();
        setStage("idle");
        return;
      }
      instance.current = checkout;
      checkout.mount(containerRef.current);
      setStage("mounted");
    } catch (e) {
      setStage("error");
      setError(e instanceof Error ? e.message : t("couldNotOpen"));
    } finally {
      starting.current = false;
    }
  }, [open, stripeJsUrl, t]);

  useEffect(() => () => instance.current?.destroy(), []);

  return { containerRef, stage, error, start, destroy };
}
