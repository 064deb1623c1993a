import { and, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { cardCheckouts } from "@/db/schema";
import { idSchema } from "@/lib/validation/common";
import { invoiceIdFor } from "./metadata";

/**
 * Stripe expired a Checkout Session we opened for an invoice: its card_checkouts row is marked
 * expired (it can no longer be paid). True when this call marked it; false for a session that is
 * not one of this dojo's invoice checkouts or that was marked before.
 */
export async function markCheckoutExpired(tx: Tx, dojoId: string, session: Stripe.Checkout.Session): Promise<boolean> {
  const invoiceId = invoiceIdFor(session.metadata, dojoId);
  const checkoutId = session.metadata?.tatami_checkout_id;
  if (!invoiceId || !idSchema.safeParse(invoiceId).success || !idSchema.safeParse(checkoutId).success) return false;
  const marked = await tx
    .update(cardCheckouts)
    .set({ expiredAt: new Date() })
    .where(and(eq(cardCheckouts.id, checkoutId!), eq(cardCheckouts.dojoId, dojoId), eq(cardCheckouts.invoiceId, invoiceId), isNull(cardCheckouts.expiredAt)))
    .returning({ id: cardCheckouts.id });
  return marked.length > 0;
}
