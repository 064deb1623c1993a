"use client";
import { useState } from "react";
import Link from "next/link";
import { Check, Minus, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useCart } from "./cart-store";

/** Adds a product to the cart, never more than is available. */
export function AddToCart({ slug, productId, available, compact }: { slug: string; productId: string; available: number | null; compact?: boolean }) {
  const t = useTranslations("shop");
  const { items, add } = useCart(slug);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);
  const inCart = items.find((i) => i.productId === productId)?.quantity ?? 0;
  const room = available === null ? 99 - inCart : Math.max(0, available - inCart);
  if (available === 0) {
    return (
      <Button variant="secondary" disabled className={compact ? "w-full" : undefined}>
        {t("stock.soldOut")}
      </Button>
    );
  }
  const onAdd = () => {
    add(productId, compact ? 1 : quantity, available);
    setAdded(true);
    setQuantity(1);
  };
  if (compact) {
    return (
      <Button variant="secondary" className="w-full" onClick={onAdd} disabled={room < 1}>
        {room < 1 ? (
          t("add.allInCart")
        ) : added ? (
          <>
            <Check className="size-4" aria-hidden /> {t("add.added")}
          </>
        ) : (
          t("add.addToCart")
        )}
      </Button>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <div className="inline-flex h-12 items-center rounded-md border border-stone-300 bg-white">
          <button type="button" className="flex h-full w-11 items-center justify-center text-stone-600 hover:bg-stone-100 disabled:opacity-40" onClick={() => setQuantity((q) => Math.max(1, q - 1))} disabled={quantity <= 1} aria-label={t("add.oneLess")}>
            <Minus className="size-4" aria-hidden />
          </button>
          <span className="w-10 text-center font-medium tabular-nums" aria-live="polite" aria-label={t("add.quantity")}>
            {quantity}
          </span>
          <button type="button" className="flex h-full w-11 items-center justify-center text-stone-600 hover:bg-stone-100 disabled:opacity-40" onClick={() => setQuantity((q) => Math.min(room, q + 1))} disabled={quantity >= room} aria-label={t("add.oneMore")}>
            <Plus className="size-4" aria-hidden />
          </button>
        </div>
        <Button size="lg" onClick={onAdd} disabled={room < 1} className="flex-1 sm:flex-none">
          {room < 1 ? t("add.allAvailableInCart") : t("add.addToCart")}
        </Button>
      </div>
      {added && (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-emerald-700" role="status">
          <Check className="size-4" aria-hidden /> {t("add.addedToCart")}{" "}
          <Link href={`/shop/${slug}/cart`} className="font-medium whitespace-nowrap underline">
            {t("add.viewCart")}
          </Link>
        </p>
      )}
    </div>
  );
}
