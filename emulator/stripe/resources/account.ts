import type Stripe from "stripe";
import type { Account } from "../accounts";
import { resourceMissing } from "../errors";
import { route } from "../route";

/** `GET /v1/account`: the account behind the key; its name is derived from the key's suffix. */
export function accountObject(account: Account): Stripe.Account {
  return {
    id: account.id,
    object: "account",
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: null,
      minority_owned_business_designation: null,
      specified_commercial_transactions_act_url: null,
      name: account.displayName,
      product_description: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: "company",
    capabilities: { card_payments: "active", transfers: "active" },
    charges_enabled: true,
    country: "US",
    created: account.created,
    default_currency: "usd",
    details_submitted: true,
    email: `owner+${account.suffix.toLowerCase()}@example.com`,
    metadata: {},
    payouts_enabled: true,
    settings: {
      bacs_debit_payments: { display_name: null, service_user_number: null },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: { decline_on: { avs_failure: false, cvc_failure: true }, statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      dashboard: { display_name: account.displayName, timezone: "Etc/UTC" },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: null },
      payments: { statement_descriptor: "EMULATOR", statement_descriptor_kana: null, statement_descriptor_kanji: null },
      payouts: { debit_negative_balances: true, schedule: { delay_days: 2, interval: "daily" }, statement_descriptor: null },
      sepa_debit_payments: {},
    } as Stripe.Account.Settings,
    type: "standard",
  };
}

export const accountRoutes = [
  route("GET", "/v1/account", ({ account }) => accountObject(account)),
  // An account may read itself by id; other ids are Connect accounts, which the emulator has none of.
  route("GET", "/v1/accounts/:id", ({ account, path }) => {
    if (path.id !== account.id) throw resourceMissing("account", path.id);
    return accountObject(account);
  }),
];
