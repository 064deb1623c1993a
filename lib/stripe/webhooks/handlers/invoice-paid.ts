import { applyInvoiceEvent } from "@/lib/subscriptions/invoice-webhook";
import type { WebhookHandler } from "../types";

/** A subscription invoice paid in Stripe (first payment, renewal, or after 3-D Secure). */
export const invoicePaid: WebhookHandler = (tx, ctx) => applyInvoiceEvent(tx, ctx);
