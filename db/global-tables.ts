// The tables that belong to no dojo. Every other table is a tenant table: it carries dojo_id,
// a key that includes it, and foreign keys to other tenant tables that include it
// (tests/integration/schema-tenancy.test.ts holds the schema to that, and checks the table
// lists of docs/operations.md "Distributing by dojo" against it).
export const GLOBAL_TABLES = {
  dojos: "the tenants themselves; every tenant table's dojo_id points here",
  dojo_billing: "platform: what each dojo pays Tatami, mirrored from Tatami's own Stripe account",
  plan_change_requests: "platform: account-plan changes, keyed by Tatami's own Stripe subscription",
  platform_stripe_events: "platform: events of Tatami's own Stripe account",
  jobs: "platform: the job queue of all dojos (dojo_id optional)",
  signup_requests: "platform: sign-ups before their dojo exists",
  throttle_counters: "platform: login and sign-up throttles, by address and account",
  known_login_addresses: "platform: addresses an account has logged in from",
  rate_limit_buckets: "platform: limits on public actions, by address",
} as const satisfies Record<string, string>;

export type GlobalTable = keyof typeof GLOBAL_TABLES;

export function isGlobalTable(name: string): name is GlobalTable {
  return Object.hasOwn(GLOBAL_TABLES, name);
}
