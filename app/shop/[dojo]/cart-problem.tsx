"use client";
import { useTranslations } from "next-intl";
import type { CartProblem } from "./cart-lines";

/** Why a cart line cannot be ordered as it is, in the shop's language. */
export function CartProblemText({ problem }: { problem: CartProblem }) {
  const t = useTranslations("shop.stock");
  return problem.kind === "sold_out" ? t("soldOut") : t("onlyAvailable", { count: problem.available });
}
