import type { Route } from "./route";
import { billingRoutes } from "./billing/routes";
import { disputeRoutes } from "./disputes";
import { accountRoutes } from "./resources/account";
import { balanceRoutes } from "./resources/balance";
import { catalogRoutes } from "./resources/catalog";
import { chargeRoutes } from "./resources/charges";
import { checkoutSessionRoutes } from "./resources/checkout-sessions";
import { customerRoutes } from "./resources/customers";
import { eventRoutes } from "./resources/events";
import { mandateRoutes } from "./resources/mandates";
import { paymentIntentRoutes } from "./resources/payment-intents";
import { paymentMethodRoutes } from "./resources/payment-methods";
import { refundRoutes } from "./resources/refunds";
import { setupIntentRoutes } from "./resources/setup-intents";
import { webhookEndpointRoutes } from "./resources/webhook-endpoints";

/**
 * Every `/v1` endpoint, one module per resource. Billing (stripe/billing) adds its modules here.
 */
const routeModules: Route[][] = [
  accountRoutes,
  balanceRoutes,
  customerRoutes,
  paymentMethodRoutes,
  setupIntentRoutes,
  mandateRoutes,
  paymentIntentRoutes,
  chargeRoutes,
  refundRoutes,
  disputeRoutes,
  catalogRoutes,
  checkoutSessionRoutes,
  webhookEndpointRoutes,
  eventRoutes,
  billingRoutes,
];

export function allRoutes(): Route[] {
  return routeModules.flat();
}
