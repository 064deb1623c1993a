// The job kinds the worker (lib/jobs/worker.ts) knows; kept apart so enqueuing needs no handler code.
// Transactional mail is `mail.<name>` for each kind in lib/mail/registry.ts.
export const CAMPAIGN_SEND_JOB = "campaign.send";
export const STRIPE_RECONCILE_JOB = "stripe.reconcile";
export const STRIPE_CUSTOMER_IMPORT_JOB = "stripe.customer-import";
export const AUTOMATIC_REFUND_JOB = "payments.automatic-refund";
export const EXPIRE_CHECKOUTS_JOB = "payments.expire-checkouts";
// Unconfirmed pay-at-the-dojo orders: their reservation ends and the items go back on sale.
export const SHOP_RESERVATION_EXPIRY_JOB = "shop.expire-reservation";
