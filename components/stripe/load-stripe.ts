"use client";
import type { Stripe } from "@stripe/stripe-js";

let scriptLoad: Promise<void> | null = null;

// When STRIPE_JS_URL names another Stripe.js (the emulator's), it goes on the page first;
// loadStripe then finds window.Stripe and uses it instead of injecting js.stripe.com.
function injectScript(src: string): Promise<void> {
  scriptLoad ??= new Promise<void>((resolve, reject) => {
    if (window.Stripe) return resolve();
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      scriptLoad = null;
      script.remove();
      reject(new Error("Stripe.js could not be loaded. Check the connection and try again."));
    };
    document.head.appendChild(script);
  });
  return scriptLoad;
}

const clients = new Map<string, Promise<Stripe>>();

/** Stripe.js for a publishable key, from STRIPE_JS_URL when the server passed one. */
export function loadStripeJs(publishableKey: string, scriptUrl: string | null): Promise<Stripe> {
  let client = clients.get(publishableKey);
  if (!client) {
    client = (async () => {
      // Stripe's loader is fetched with Stripe.js, when a card form opens: not on the pages' first load (1.5 kB gzip).
      const [{ loadStripe }] = await Promise.all([import("@stripe/stripe-js/pure"), scriptUrl ? injectScript(scriptUrl) : undefined]);
      const stripe = await loadStripe(publishableKey);
      if (!stripe) throw new Error("Stripe.js could not be loaded. Check the connection and try again.");
      return stripe;
    })();
    client.catch(() => clients.delete(publishableKey));
    clients.set(publishableKey, client);
  }
  return client;
}
