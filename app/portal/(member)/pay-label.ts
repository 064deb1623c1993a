import type { Translate } from "@/lib/i18n/messages";
import type { PaymentMethod } from "@/lib/stripe/payment-methods";

/**
 * The words of the button that opens Checkout: "Pay with credit card" when Checkout takes cards
 * only, "Pay online" when the dojo also takes iDEAL, Bancontact or SEPA (a Dutch member looks for
 * iDEAL, not a card); next to the saved card, "another card" or "another way".
 */
export function payLabel(t: Translate, methods: readonly PaymentMethod[], besideSavedCard: boolean): string {
  const cardsOnly = methods.every((m) => m === "card");
  if (besideSavedCard) return cardsOnly ? t("anotherCard") : t("anotherWay");
  return cardsOnly ? t("creditCard") : t("online");
}
