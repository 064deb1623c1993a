import "server-only";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/action-result";
import { presentError } from "@/lib/action-errors";
import { AppError, type ReasonDetails } from "@/lib/errors";
import type { Translate } from "@/lib/i18n/messages";
import { moneyLocale, type Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import { waitTime } from "@/lib/security/rate-limit";

// The buyer's words for a checkout that failed, in the language the shop was shown in (the
// "shop.errors" messages); what is not the buyer's to fix, in the dojo's words (lib/action-errors).

type Presented = { error: string; fieldErrors?: FieldErrors };

const FIELD_WORDS: Record<string, string> = { name: "name", email: "email", phone: "phone", payment: "payment", items: "cartEmpty" };

/** One message per field the buyer can fix, by field rather than by zod's English message. */
export function checkoutFieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    const words = issue.code === "too_big" && field !== "items" ? t("tooLong", { max: Number(issue.maximum) }) : t(FIELD_WORDS[field] ?? "invalid");
    if (!out[field]?.includes(words)) (out[field] ??= []).push(words);
  }
  return out;
}

function wait(ms: number, t: Translate): string {
  const { unit, count } = waitTime(ms);
  return t(unit, { count });
}

/** A refusal of placing the order, in the buyer's language. */
export function checkoutFailure(error: AppError, t: Translate, locale: Locale): Presented {
  if (error.code === "NOT_FOUND") return { error: t("shopClosed") };
  const d = error.details as ReasonDetails;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, moneyLocale(locale));
  switch (d.reason) {
    case "shop.card_not_offered":
      return { error: t("cardNotOffered"), fieldErrors: { payment: [t("chooseOther")] } };
    case "shop.at_dojo_not_offered":
      return { error: t("atDojoNotOffered"), fieldErrors: { payment: [t("chooseOther")] } };
    case "shop.product_gone":
      return { error: t("productGone") };
    case "shop.not_enough_stock":
      return { error: d.available === 0 ? t("soldOut", { product: d.product }) : t("notEnough", { product: d.product, available: d.available }) };
    case "shop.sold_out_meanwhile":
      return { error: t("soldOutMeanwhile") };
    case "shop.card_payment_not_started":
      return { error: t("cardNotStarted") };
    case "shop.too_many_orders_network":
      return { error: t("tooManyNetwork", { wait: wait(d.retryAfterMs, t) }) };
    case "shop.too_many_orders_email":
      return { error: t("tooManyEmail", { wait: wait(d.retryAfterMs, t) }), fieldErrors: { email: [t("tooManyEmailField")] } };
    case "card_payment.below_minimum":
    case "card_payment.above_maximum": {
      const words = t(d.reason === "card_payment.below_minimum" ? "belowMinimum" : "aboveMaximum", { limit: money(d.limitMinor, d.currency), amount: money(d.amountMinor, d.currency) });
      return { error: d.of === "order" && d.atDojoOffered ? `${words} ${t("orPayAtDojo")}` : words };
    }
    default:
      // Nothing else is the buyer's to fix (a Stripe outage, a bug): the dojo's own words.
      return presentError(error, {}, locale);
  }
}
