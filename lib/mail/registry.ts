import "server-only";
import type { JobHandler } from "@/lib/jobs/worker";
import { MAIL_JOB_PREFIX } from "@/lib/jobs/queue";
import { signupMail } from "@/lib/dojos/signup-mail";
import { invoiceIssuedMail } from "@/lib/invoices/issued-mail";
import { automaticRefundMail } from "@/lib/payments/automatic-refunds/automatic-refund-mail";
import { paymentReceiptMail } from "@/lib/payments/card/receipt-mail";
import { refundFailedMail } from "@/lib/payments/refunds/refund-failed-mail";
import { debitFailedMail } from "@/lib/payments/card/debit-failed-mail";
import { disputeLostMail } from "@/lib/payments/disputes/dispute-lost-mail";
import { portalInvitationMail } from "@/lib/portal/invitation-mail";
import { orderConfirmationMail, orderNotificationMail } from "@/lib/shop/order-mails";
import { staffInvitationMail } from "@/lib/staff/invitation-mail";
import { cardAddedMail } from "@/lib/subscriptions/card-added-mail";
import { paymentAuthenticationNeededMail, subscriptionPaymentFailedMail } from "@/lib/subscriptions/unpaid-invoice-mail";
import type { MailKind } from "./mail-kind";
import { runMailJob } from "./mail-job";

/**
 * Every kind of transactional mail. A new one: a module beside its domain with a `defineMail`
 * (compose from ids) and a `queue…` function calling enqueueMail in the causing transaction,
 * listed here so the worker can send it.
 */
export const MAIL_KINDS: readonly MailKind<never>[] = [
  paymentReceiptMail,
  refundFailedMail,
  debitFailedMail,
  disputeLostMail,
  automaticRefundMail,
  invoiceIssuedMail,
  paymentAuthenticationNeededMail,
  subscriptionPaymentFailedMail,
  cardAddedMail,
  portalInvitationMail,
  staffInvitationMail,
  orderConfirmationMail,
  orderNotificationMail,
  signupMail,
];

/** The worker's handler for each `mail.<name>` job. */
export function mailJobHandlers(): Record<string, JobHandler> {
  return Object.fromEntries(MAIL_KINDS.map((kind) => [`${MAIL_JOB_PREFIX}${kind.name}`, { run: (db, job, _heartbeat, opts) => runMailJob(db, kind, job, opts.now ?? new Date()) } satisfies JobHandler]));
}
