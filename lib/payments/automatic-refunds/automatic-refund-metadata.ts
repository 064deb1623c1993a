import type Stripe from "stripe";

/**
 * The metadata key that marks a Stripe refund as an automatic one: it gives back money Tatami
 * never recorded, so charge.refunded must not book it as a ledger refund.
 */
export const AUTOMATIC_REFUND_METADATA_KEY = "tatami_automatic_refund_id";

export const isAutomaticRefund = (refund: Pick<Stripe.Refund, "metadata">): boolean => Boolean(refund.metadata?.[AUTOMATIC_REFUND_METADATA_KEY]);
