import type Stripe from "stripe";
import type { Account } from "../accounts";
import { processingFee } from "../currency";
import { newId, nowSeconds } from "../ids";
import { paginate } from "../list";
import { route } from "../route";

/** The ledger line of a charge (with its fee), of a refund (negative), of a failed refund (its money back) or of a dispute (an adjustment). */
export function recordBalanceTransaction(
  account: Account,
  input: { amount: number; currency: string; source: string; type: "charge" | "refund" | "refund_failure" | "adjustment"; reportingCategory?: string; description?: string | null; created?: number },
): Stripe.BalanceTransaction {
  const fee = input.type === "charge" ? processingFee(input.amount, input.currency) : 0;
  const created = input.created ?? nowSeconds();
  const txn: Stripe.BalanceTransaction = {
    id: newId("txn"),
    object: "balance_transaction",
    amount: input.amount,
    available_on: created,
    balance_type: "payments",
    created,
    currency: input.currency,
    description: input.description ?? null,
    exchange_rate: null,
    fee,
    fee_details: fee ? [{ amount: fee, application: null, currency: input.currency, description: "Stripe processing fees", type: "stripe_fee" }] : [],
    net: input.amount - fee,
    reporting_category: input.reportingCategory ?? input.type,
    source: input.source,
    status: "available",
    type: input.type,
  };
  return account.insert(txn);
}

function balanceOf(account: Account): Stripe.Balance {
  const byCurrency = new Map<string, number>();
  for (const txn of account.list<Stripe.BalanceTransaction>("balance_transaction")) {
    byCurrency.set(txn.currency, (byCurrency.get(txn.currency) ?? 0) + txn.net);
  }
  if (byCurrency.size === 0) byCurrency.set("usd", 0);
  const available = [...byCurrency].map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } }));
  return {
    object: "balance",
    available,
    livemode: account.livemode,
    pending: available.map((a) => ({ amount: 0, currency: a.currency, source_types: { card: 0 } })),
  };
}

export const balanceRoutes = [
  route("GET", "/v1/balance", ({ account }) => balanceOf(account)),
  route("GET", "/v1/balance_transactions/:id", ({ account, path }) =>
    account.require<Stripe.BalanceTransaction>(path.id, "balance_transaction", "balance transaction"),
  ),
  route("GET", "/v1/balance_transactions", ({ account, params }) => {
    const source = params.string("source");
    const type = params.string("type");
    const items = account.list<Stripe.BalanceTransaction>("balance_transaction", (t) => (!source || t.source === source) && (!type || t.type === type));
    return paginate(params, items, "/v1/balance_transactions");
  }),
];
