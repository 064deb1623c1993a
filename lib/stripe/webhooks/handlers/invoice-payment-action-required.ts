import { applyInvoiceEvent } from "@/lib/subscriptions/invoice-webhook";
import type { WebhookHandler } from "../types";

/** The bank wants the card holder (PSD2): the member gets a link to confirm the payment. */
export const invoicePaymentActionRequired: WebhookHandler = (tx, ctx) => applyInvoiceEvent(tx, ctx);
