// Every reason a domain function refuses for, with what its words need: the catalogue that
// lib/errors.ts types `refused`, `invalidInput` and `unavailable` by, and that the action layer
// (lib/action-errors/) must give words for (a reason without words does not compile).
// Names are "<domain>.<what>"; details are data (ids, counts, states, Stripe's own message), never text.
import type { Plan } from "@/db/schema";
import type { ImportField } from "@/lib/members/import/columns";

type None = Record<never, never>;

export type AuthReasons = {
  /** Too many tries; `what` tells a login's failed attempts from a public form's attempts. */
  "auth.throttled": { minutes: number; what: "failed attempts" | "attempts" };
  "auth.wrong_credentials": { provider: "staff" | "member"; after: "login" | "invitation" | "set_password" };
};

export type StripeReasons = {
  "stripe.not_connected": None;
  "stripe.not_connected_disconnect": None;
  "stripe.platform_key_missing": { key: "PLATFORM_STRIPE_SECRET_KEY" | "PLATFORM_STRIPE_PUBLISHABLE_KEY" };
  "stripe.secret_key_shape": None;
  "stripe.secret_key_refused": None;
  "stripe.restricted_key_no_account": None;
  "stripe.restricted_key_no_setup_intents": None;
  "stripe.restricted_key_no_webhooks": None;
  "stripe.publishable_key_other_account": None;
  "stripe.publishable_key_refused": None;
  "stripe.webhook_url_unreachable": { origin: string; local: boolean };
  "stripe.webhook_endpoint_refused": { url: string; stripeMessage: string };
  "stripe.webhook_secret_missing": None;
  /** Outages (code UNAVAILABLE). */
  "stripe.unreachable_connecting": None;
  "stripe.unreachable_disconnecting": None;
  /** Switching accounts: blocked while money could go unseen, otherwise it needs a yes. */
  "stripe.switch_blocked": { chargingSubscriptions: number; openPaymentPages: number };
  "stripe.switch_needs_confirmation": { linkedMembers: number; plans: number; chargingSubscriptions: number };
  /** The money check's settling of a payment or refund seen only in Stripe. */
  "money_check.not_captured": None;
  "money_check.no_shop_session": None;
  "money_check.unknown_invoice": None;
  "money_check.refund_not_recorded_payment": None;
  "money_check.payment_on_invoice": { invoiceNumber: string | null };
};

export type AccountPlanReasons = {
  "plan.checkout_not_opened": None;
  "plan.already_has_plan": None;
  "plan.checkout_of_other_dojo": None;
  "plan.no_subscription": None;
  "plan.no_subscription_choose": None;
  "plan.not_smaller": { plan: Plan; current: Plan };
  "plan.not_upgrade": { plan: Plan; current: Plan };
  "plan.no_change_scheduled": None;
  "plan.change_already_scheduled": None;
  "plan.quote_expired": None;
  "plan.subscription_changed": None;
  "plan.bank_not_confirmed": None;
  "plan.upgrade_not_billed": None;
  "plan.authentication_failed": None;
  "plan.card_declined": { stripeMessage?: string | null };
  "plan.stripe_refused": { stripeMessage: string };
  /** Outage (code UNAVAILABLE). */
  "plan.stripe_unreachable": None;
};

export type SubscriptionReasons = {
  "stripe.card_declined": { stripeMessage: string };
  "stripe.api_key_refused": None;
  "stripe.refused": { stripeMessage: string };
  "stripe.failed": None;
  /** Outage (code UNAVAILABLE). */
  "stripe.unreachable": None;
  "customer.missing_in_stripe": { customerId: string };
  "customer.deleted_in_stripe": { customerId: string };
  "customer.linked_to_other": { customerId: string; memberName: string };
  "customer.none": None;
  "card.not_found": None;
  "subscription.plan_archived": None;
  "subscription.plan_other_currency": { planCurrency: string; currency: string };
  "subscription.no_card": None;
  "subscription.family_payer_no_card": None;
  "subscription.pause_not_running": None;
  "subscription.already_paused": None;
  "subscription.pause_end_not_after_today": None;
  "subscription.not_paused": None;
  "subscription.ended": None;
  "subscription_plan.amount": { problem: string };
  "subscription_plan.amount_not_positive": None;
  "subscription_plan.signup_fee": { problem: string };
  "subscription_plan.signup_fee_negative": None;
  "subscription_fee.amount": { problem: string };
  "subscription_fee.amount_not_positive": None;
  "subscription_fee.not_running": None;
  "subscription_fee.paused": None;
  "subscription_fee.already_invoiced": None;
  "subscription_plan.price_gone": { priceId: string };
  "subscription_plan.price_unsupported": { name: string; why?: string };
  "subscription_invoice.void": None;
  "subscription_invoice.no_card": None;
  "subscription_invoice.declined": { stripeMessage: string };
  "subscription_invoice.not_confirmed": None;
};

export type InvoiceReasons = {
  "invoice.not_draft": { action: "issue" | "edit"; status: string };
  "invoice.member_not_in_dojo": None;
  /** Lines whose unit price cannot be read (the parser's problem per line), or a total out of range. */
  "invoice.lines": { linePrices: { line: number; problem: string }[]; total?: "too_large" | "not_positive" };
  "invoice.already_void": None;
  "invoice.void_collected_by_stripe": None;
  "invoice.void_paid": None;
  "invoice.void_has_payments": None;
  "invoice.void_reason_missing": None;
};

export type PaymentReasons = {
  "payment.recorded_for_other_invoice": None;
  "payment.manual_on_stripe_invoice": None;
  "payment.amount": { problem: string };
  "payment.paid_on_in_future": None;
  "card_payment.below_minimum": { amountMinor: number; limitMinor: number; currency: string; of: "invoice" | "order"; atDojoOffered?: boolean };
  "card_payment.above_maximum": { amountMinor: number; limitMinor: number; currency: string; of: "invoice" | "order"; atDojoOffered?: boolean };
  "card_payment.invoice_changed": None;
  "card_payment.not_confirmed_yet": None;
  "card_payment.processing": None;
  "card_payment.authentication_failed": None;
  "card_payment.declined_saved": { stripeMessage: string };
  "card_payment.no_saved_card": { who: "member" | "staff" };
  "refund.not_card": None;
  "refund.amount": { problem: string };
  "refund.amount_not_positive": None;
  "refund.refunded_in_full": None;
  "refund.more_than_refundable": { refundableMinor: number; currency: string };
  "refund.stripe_failed": { why: string };
  "refund.recorded_elsewhere": None;
  "refund.other_currency": { currency: string; paymentCurrency: string };
  "refund.record_not_positive": None;
  "refund.record_more_than_refundable": { refundableMinor: number; currency: string };
  "card_payment.card_declined": { stripeMessage: string };
  "card_payment.api_key_refused": None;
  "card_payment.stripe_refused": { stripeMessage: string };
  "card_payment.failed": None;
  "card_payment.stripe_unreachable": None;
  "card_payment.earlier_page_not_closed": None;
  "card_payment.open_page_not_closed": None;
  "card_payment.checkout_opening_elsewhere": None;
  "refund.stripe_unreachable": None;
  "refund.api_key_refused": None;
  "refund.idempotency_mismatch": None;
  "refund.stripe_refused": { stripeMessage: string };
  "refund.failed": None;
};

export type StaffReasons = {
  "staff.wrong_current_password": None;
  "staff.no_seat": { plan: Plan; limit: number };
  "staff.invitation_unusable": { state: "expired" | "revoked" | "accepted" | "unknown" };
  "staff.invitation_email_has_account": None;
  "staff.invite_email_has_account": None;
  "staff.invite_email_invited": None;
  "staff.invitation_already_accepted": None;
  "staff.change_own_access": { change: "demote" | "deactivate" };
  "staff.last_owner": None;
};

export type DojoReasons = {
  "dojo.address_taken": None;
  "dojo.email_has_account": None;
  "signup.already_confirmed": None;
  "signup.link_unusable": { state: "invalid" | "expired" };
  "dojo.logo_too_large": None;
  /** An empty file, or a picture that is not a PNG or JPEG. */
  "dojo.logo_type": { problem: "empty" | "type" };
};

export type PortalReasons = {
  "portal.invitation_unusable": { state: "expired" | "invalid" };
  "portal.member_no_email": None;
  "portal.member_inactive": None;
  /** A family member whose family someone else pays for: the payer pays and keeps the card. */
  "portal.family_payer_pays": None;
};

export type LedgerReasons = {
  "ledger.amount": { problem: string };
  "ledger.amount_zero": None;
  "ledger.correction_of_correction": None;
  "ledger.entry_of_payment": None;
  "ledger.already_corrected": None;
};

export type CampaignReasons = {
  "campaign.nobody_to_send_to": None;
};

/** A file problem of a member import: what the words name, never the words. */
export type MemberImportFileProblem =
  | { kind: "empty" }
  | { kind: "duplicate_column"; field: ImportField; headers: string[] }
  | { kind: "missing_columns"; fields: ImportField[] }
  | { kind: "no_rows" }
  | { kind: "too_many_rows"; rows: number; max: number };

export type MemberReasons = {
  /** `field`: the form field that named the member (the payer, or the member added). */
  "family.member_in_other_family": { field: "payerMemberId" | "memberId" };
  "family.payer_cannot_leave": None;
  "family.has_invoices": None;
  "member_import.file": { problems: MemberImportFileProblem[] };
  /** Each row's problems as the import preview lists them. */
  "member_import.rows": { rows: { row: number; messages: string[] }[] };
};

export type ShopReasons = {
  "shop.card_not_offered": None;
  "shop.at_dojo_not_offered": None;
  "shop.product_gone": None;
  "shop.not_enough_stock": { product: string; available: number };
  "shop.sold_out_meanwhile": None;
  "shop.confirm_card_order": None;
  "shop.confirm_cancelled_order": None;
  "shop.card_payment_not_started": None;
  "shop.too_many_orders_network": { retryAfterMs: number };
  "shop.too_many_orders_email": { retryAfterMs: number };
  "shop.price": { problem: string };
  "shop.image": { problem: string };
  "shop.fulfil_cancelled": None;
  "shop.fulfil_awaiting_card": None;
  "shop.cancel_needs_refund_permission": None;
  "shop.paid_meanwhile": None;
  "shop.cancel_stripe_refused": { stripeMessage: string | null };
};

/** The action layer's own refusal (lib/action-result.ts): its words are its message. */
export type ActionReasons = { "action.refused": None };

export type Reasons = ActionReasons & AuthReasons & StripeReasons & AccountPlanReasons & SubscriptionReasons & InvoiceReasons & PaymentReasons & StaffReasons & DojoReasons & PortalReasons & LedgerReasons & CampaignReasons & MemberReasons & ShopReasons;
export type Reason = keyof Reasons;
