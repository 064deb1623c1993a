import { applyInvoiceEvent } from "@/lib/subscriptions/invoice-webhook";
import type { WebhookHandler } from "../types";

/** A subscription payment declined: the Tatami invoice stays open and the member is asked for another card. */
export const invoicePaymentFailed: WebhookHandler = (tx, ctx) => applyInvoiceEvent(tx, ctx);
