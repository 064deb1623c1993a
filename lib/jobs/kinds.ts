// The job kinds the worker (lib/jobs/worker.ts) knows; kept apart so enqueuing needs no handler code.
export const CAMPAIGN_SEND_JOB = "campaign.send";
export const INVOICE_ISSUED_MAIL_JOB = "mail.invoice-issued";
export const STRIPE_RECONCILE_JOB = "stripe.reconcile";
export const AUTOMATIC_REFUND_JOB = "payments.automatic-refund";
export const EXPIRE_CHECKOUTS_JOB = "payments.expire-checkouts";
