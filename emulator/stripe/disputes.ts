import type Stripe from "stripe";
import type { Account } from "./accounts";
import { unexpectedState } from "./errors";
import { emitEvent } from "./events";
import { newId, nowSeconds } from "./ids";
import { paginate, rangeFilter } from "./list";
import { recordBalanceTransaction } from "./resources/balance";
import { route } from "./route";

/**
 * Disputes, as Stripe's test payment methods raise them (https://docs.stripe.com/testing#disputes,
 * https://docs.stripe.com/testing#sepa-direct-debit):
 * - a SEPA Direct Debit returned by the payer's bank: the dispute is `lost` when it is created, as
 *   "all SEPA Direct Debit disputes are final and there is no appeals process"
 *   (https://support.stripe.com/questions/sepa-direct-debit-payment-disputes);
 * - a card dispute (4000000000000259, `fraudulent`) starts `needs_response`; closing it
 *   (`POST /v1/disputes/:id/close`) loses it, and evidence whose `uncategorized_text` is
 *   `winning_evidence` / `losing_evidence` wins or loses it, as in Stripe test mode
 *   (https://docs.stripe.com/testing#evidence, https://docs.stripe.com/api/disputes/close).
 * The disputed amount leaves the balance when the dispute is created (an `adjustment`, reporting
 * category `dispute`) and comes back if it is won (`dispute_reversal`,
 * `charge.dispute.funds_reinstated`) (https://docs.stripe.com/disputes/how-disputes-work). Stripe's
 * dispute fee is not modelled.
 */

const EVIDENCE_FIELDS = [
  "access_activity_log", "billing_address", "cancellation_policy", "cancellation_policy_disclosure", "cancellation_rebuttal", "customer_communication",
  "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature", "duplicate_charge_documentation", "duplicate_charge_explanation",
  "duplicate_charge_id", "product_description", "receipt", "refund_policy", "refund_policy_disclosure", "refund_refusal_explanation", "service_date",
  "service_documentation", "shipping_address", "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
  "uncategorized_file", "uncategorized_text",
] as const;

const OPEN: ReadonlySet<string> = new Set(["needs_response", "warning_needs_response", "under_review", "warning_under_review"]);
const EVIDENCE_DAYS = 21;

/** A dispute on a succeeded charge: its money leaves the balance, charge.dispute.created is sent. */
export function openDispute(account: Account, charge: Stripe.Charge, opts: { status: "lost" | "needs_response"; reason: string }): Stripe.Dispute {
  const created = nowSeconds();
  const id = newId("du");
  const withdrawal = recordBalanceTransaction(account, { amount: -charge.amount, currency: charge.currency, source: id, type: "adjustment", reportingCategory: "dispute", description: `Chargeback withdrawal for ${charge.id}`, created });
  const card = charge.payment_method_details?.card;
  const dispute = {
    id,
    object: "dispute",
    amount: charge.amount,
    balance_transactions: [withdrawal],
    charge: charge.id,
    created,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: { ...Object.fromEntries(EVIDENCE_FIELDS.map((f) => [f, null])), enhanced_evidence: {} } as unknown as Stripe.Dispute.Evidence,
    evidence_details: {
      due_by: opts.status === "lost" ? null : created + EVIDENCE_DAYS * 86_400,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: "not_submitted",
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: account.livemode,
    metadata: {},
    payment_intent: charge.payment_intent,
    ...(card ? { payment_method_details: { type: "card", card: { brand: card.brand ?? "unknown", case_type: "chargeback", network: card.network ?? card.brand ?? "unknown", network_reason_code: null } } } : {}),
    reason: opts.reason,
    status: opts.status,
  } as Stripe.Dispute;
  charge.disputed = true;
  account.insert(dispute);
  emitEvent(account, "charge.dispute.created", dispute, null, { created });
  return dispute;
}

function decide(account: Account, dispute: Stripe.Dispute, outcome: "won" | "lost" | "warning_closed"): Stripe.Dispute {
  const previous = { status: dispute.status };
  dispute.status = outcome;
  dispute.evidence_details.due_by = null;
  if (outcome === "won") {
    const back = recordBalanceTransaction(account, { amount: dispute.amount, currency: dispute.currency, source: dispute.id, type: "adjustment", reportingCategory: "dispute_reversal", description: `Chargeback reversal for ${String(dispute.charge)}` });
    dispute.balance_transactions.push(back);
    emitEvent(account, "charge.dispute.funds_reinstated", dispute);
  }
  emitEvent(account, "charge.dispute.closed", dispute, previous);
  return dispute;
}

function requireOpen(dispute: Stripe.Dispute): void {
  if (!OPEN.has(dispute.status)) throw unexpectedState(`This dispute is already closed (${dispute.status}).`, "dispute_already_closed");
}

export const disputeRoutes = [
  route("GET", "/v1/disputes/:id", ({ account, path }) => account.require<Stripe.Dispute>(path.id, "dispute", "dispute")),
  route("GET", "/v1/disputes", ({ account, params }) => {
    const charge = params.string("charge");
    const paymentIntent = params.string("payment_intent");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.Dispute>("dispute", (d) => (!charge || d.charge === charge) && (!paymentIntent || d.payment_intent === paymentIntent) && created(d.created));
    return paginate(params, items, "/v1/disputes");
  }),
  route("POST", "/v1/disputes/:id", ({ account, params, path }) => {
    const dispute = account.require<Stripe.Dispute>(path.id, "dispute", "dispute");
    const metadata = params.metadata("metadata", dispute.metadata);
    const evidence = params.object("evidence");
    if (evidence) requireOpen(dispute);
    if (metadata) dispute.metadata = metadata;
    const text = evidence?.string("uncategorized_text");
    if (evidence) {
      for (const field of EVIDENCE_FIELDS) {
        const value = evidence.string(field);
        if (value !== undefined) (dispute.evidence as unknown as Record<string, unknown>)[field] = value;
      }
      dispute.evidence_details.has_evidence = true;
    }
    // submit defaults to true: the evidence goes to the bank, which (in test mode) answers at once.
    if (evidence && params.boolean("submit") !== false) {
      dispute.evidence_details.submission_count += 1;
      dispute.evidence_details.submission_method = "manual";
      dispute.status = "under_review";
      if (text === "winning_evidence") return decide(account, dispute, "won");
      if (text === "losing_evidence") return decide(account, dispute, "lost");
    }
    emitEvent(account, "charge.dispute.updated", dispute);
    return dispute;
  }),
  route("POST", "/v1/disputes/:id/close", ({ account, path }) => {
    const dispute = account.require<Stripe.Dispute>(path.id, "dispute", "dispute");
    requireOpen(dispute);
    return decide(account, dispute, dispute.status.startsWith("warning_") ? "warning_closed" : "lost");
  }),
];
