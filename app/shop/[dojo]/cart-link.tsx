"use client";
import Link from "next/link";
import { ShoppingBag } from "lucide-react";
import { useCart } from "./cart-store";

export function CartLink({ slug }: { slug: string }) {
  const { count } = useCart(slug);
  return (
    <Link href={`/shop/${slug}/cart`} className="relative inline-flex h-10 items-center gap-2 rounded-full border border-stone-300 bg-white px-4 text-sm font-medium text-stone-800 hover:bg-stone-100">
      <ShoppingBag className="size-4" aria-hidden />
      Cart
      {count > 0 && (
        <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white" aria-label={`${count} items`}>
          {count}
        </span>
      )}
    </Link>
  );
}
