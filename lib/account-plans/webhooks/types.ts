import type Stripe from "stripe";
import type { Tx } from "@/db/client";

/** Applies one verified platform event in the transaction that stores its id. Re-read from Stripe before acting. */
export type PlatformWebhookHandler = (tx: Tx, ctx: { stripe: Stripe; event: Stripe.Event }) => Promise<"processed" | "ignored">;
