import type { WebhookHandler } from "../types";
import { checkoutSessionCompleted } from "./checkout-session-completed";

/**
 * A delayed payment method (bank debit, voucher) finished paying a session whose
 * checkout.session.completed came with payment_status "unpaid". The money is there now: the
 * same recording as completed, which re-reads the session and books it once.
 * https://docs.stripe.com/checkout/fulfillment#delayed-notification
 */
export const checkoutSessionAsyncPaymentSucceeded: WebhookHandler = (tx, ctx) => checkoutSessionCompleted(tx, ctx);
