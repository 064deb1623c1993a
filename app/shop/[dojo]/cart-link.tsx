"use client";
import Link from "next/link";
import { ShoppingBag } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCart } from "./cart-store";

export function CartLink({ slug }: { slug: string }) {
  const t = useTranslations("shop");
  const { count } = useCart(slug);
  return (
    <Link href={`/shop/${slug}/cart`} className="relative inline-flex h-10 items-center gap-2 rounded-full border border-stone-300 bg-white px-3 sm:px-4 text-sm font-medium text-stone-800 hover:bg-stone-100">
      <ShoppingBag className="size-4" aria-hidden />
      {/* Named for screen readers everywhere; the word shows from sm up (the phone header is narrow). */}
      <span className="sr-only sm:not-sr-only">{t("cart")}</span>
      {count > 0 && (
        <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white" aria-label={t("cartItems", { count })}>
          {count}
        </span>
      )}
    </Link>
  );
}
