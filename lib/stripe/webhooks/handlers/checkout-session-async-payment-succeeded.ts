import type Stripe from "stripe";
import type { EventHandler } from "../types";
import { checkoutSessionCompleted } from "./checkout-session-completed";

/**
 * A delayed payment method (SEPA Direct Debit) succeeded days after Checkout completed: only now
 * is it booked, through the same recording as a completed session (the session is read again, and
 * is paid now): the invoice's payment and revenue entry, or the webshop order. Either this or
 * payment_intent.succeeded may come first; the recording happens once.
 * https://docs.stripe.com/checkout/fulfillment#delayed-notification
 */
export const checkoutSessionAsyncPaymentSucceeded: EventHandler<Stripe.CheckoutSessionAsyncPaymentSucceededEvent> = (event, ctx) => checkoutSessionCompleted(event, ctx);
