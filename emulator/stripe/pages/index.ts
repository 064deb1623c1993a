import type { SubRouter } from "../../http";
import { handleBankPage, handleCheckoutPage } from "./checkout";
import { handleThreeDSecurePage } from "./three-d-secure";

/** `/c/pay/*` (Checkout) and `/3ds/*` (3-D Secure challenge). */
export const handleStripePages: SubRouter = async (req, res, url) =>
  (await handleCheckoutPage(req, res, url)) || (await handleBankPage(req, res, url)) || (await handleThreeDSecurePage(req, res, url));
