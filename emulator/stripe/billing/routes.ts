import type { Route } from "../route";
import { wireCheckoutSubscriptions } from "./checkout";
import { invoiceRoutes } from "./invoice-routes";
import { wireBillingLifecycle } from "./lifecycle";
import { subscriptionRoutes } from "./subscription-routes";
import { testClockRoutes } from "./test-clocks";

wireBillingLifecycle();
wireCheckoutSubscriptions();

/** Subscriptions, invoices (+ invoice payments, invoice items) and test clocks. */
export const billingRoutes: Route[] = [...subscriptionRoutes, ...invoiceRoutes, ...testClockRoutes];
