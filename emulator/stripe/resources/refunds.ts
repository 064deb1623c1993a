import type Stripe from "stripe";
import type { Account } from "../accounts";
import { formatAmount } from "../currency";
import { invalidRequest, unexpectedState } from "../errors";
import { emitEvent } from "../events";
import { newId, nowSeconds } from "../ids";
import { paginate, rangeFilter } from "../list";
import type { Params } from "../params";
import { route } from "../route";
import { recordBalanceTransaction } from "./balance";
import { cardOf } from "./payment-methods";
import { scheduleRefundFailure } from "../refund-failures";

function chargeToRefund(account: Account, params: Params): Stripe.Charge {
  const chargeId = params.string("charge");
  const piId = params.string("payment_intent");
  if (chargeId && piId) throw invalidRequest("You cannot specify both charge and payment_intent.", "payment_intent");
  if (chargeId) return account.require<Stripe.Charge>(chargeId, "charge", "charge", "charge");
  if (!piId) throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.");
  const pi = account.require<Stripe.PaymentIntent>(piId, "payment_intent", "payment_intent", "payment_intent");
  const latest = typeof pi.latest_charge === "string" ? pi.latest_charge : pi.latest_charge?.id;
  const charge = latest ? account.get<Stripe.Charge>(latest, "charge") : undefined;
  if (pi.status !== "succeeded" || !charge) {
    throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable");
  }
  return charge;
}

/** Full or partial refund of a succeeded charge; charge.amount_refunded / refunded follow. */
export function refundCharge(
  account: Account,
  charge: Stripe.Charge,
  input: { amount?: number; reason?: Stripe.Refund.Reason | null; metadata?: Record<string, string> },
): Stripe.Refund {
  if (charge.status !== "succeeded") throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, "charge", "charge_not_refundable");
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) throw unexpectedState(`Charge ${charge.id} has already been refunded.`, "charge_already_refunded");
  const amount = input.amount ?? remaining;
  if (amount <= 0) throw invalidRequest("Invalid positive integer", "amount", "parameter_invalid_integer");
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      "amount",
    );
  }
  const id = newId("re");
  const txn = recordBalanceTransaction(account, { amount: -amount, currency: charge.currency, source: id, type: "refund", description: "REFUND FOR CHARGE" });
  const refund: Stripe.Refund = {
    id,
    object: "refund",
    amount,
    balance_transaction: txn.id,
    charge: charge.id,
    created: nowSeconds(),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" } as Stripe.Refund.DestinationDetails,
    metadata: input.metadata ?? {},
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
  account.insert(refund);
  const before = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  emitEvent(account, "refund.created", refund);
  emitEvent(account, "charge.refunded", charge, before);
  const pm = typeof charge.payment_method === "string" ? account.get<Stripe.PaymentMethod>(charge.payment_method, "payment_method") : undefined;
  if (pm && cardOf(account, pm).card?.refund === "fail_async") scheduleRefundFailure(account, refund.id, failRefund);
  return refund;
}

/**
 * A card refund the card's bank sends back (4000000000005126): the refund turns `failed` with a
 * `failure_reason` and a `failure_balance_transaction` giving the money back to the balance, the
 * charge counts it as not refunded any more, and Stripe sends `charge.refund.updated`,
 * `refund.updated` and `refund.failed` (https://docs.stripe.com/refunds#failed-refunds).
 */
export function failRefund(account: Account, refundId: string): Stripe.Refund | null {
  const refund = account.get<Stripe.Refund>(refundId, "refund");
  if (!refund || (refund.status !== "succeeded" && refund.status !== "pending")) return null;
  const charge = typeof refund.charge === "string" ? account.get<Stripe.Charge>(refund.charge, "charge") : undefined;
  const previous = { status: refund.status, failure_reason: null, failure_balance_transaction: null };
  refund.status = "failed";
  refund.failure_reason = "expired_or_canceled_card";
  refund.failure_balance_transaction = recordBalanceTransaction(account, { amount: refund.amount, currency: refund.currency, source: refund.id, type: "refund_failure", description: "REFUND FAILURE" }).id;
  if (charge) {
    charge.amount_refunded = Math.max(0, charge.amount_refunded - refund.amount);
    charge.refunded = charge.amount_refunded === charge.amount;
  }
  emitEvent(account, "charge.refund.updated", refund, previous);
  emitEvent(account, "refund.updated", refund, previous);
  emitEvent(account, "refund.failed", refund);
  return refund;
}

export const refundRoutes = [
  route("POST", "/v1/refunds", ({ account, params }) => {
    const charge = chargeToRefund(account, params);
    return refundCharge(account, charge, {
      amount: params.integer("amount"),
      reason: params.enumOf("reason", ["duplicate", "fraudulent", "requested_by_customer"] as const) ?? null,
      metadata: params.metadata(),
    });
  }),
  route("GET", "/v1/refunds/:id", ({ account, path }) => account.require<Stripe.Refund>(path.id, "refund", "refund")),
  route("POST", "/v1/refunds/:id", ({ account, params, path }) => {
    const refund = account.require<Stripe.Refund>(path.id, "refund", "refund");
    const metadata = params.metadata("metadata", refund.metadata ?? {});
    if (metadata) refund.metadata = metadata;
    return refund;
  }),
  route("GET", "/v1/refunds", ({ account, params }) => {
    const charge = params.string("charge");
    const pi = params.string("payment_intent");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.Refund>("refund", (r) => (!charge || r.charge === charge) && (!pi || r.payment_intent === pi) && created(r.created));
    return paginate(params, items, "/v1/refunds");
  }),
];
