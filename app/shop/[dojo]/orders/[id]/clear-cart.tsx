"use client";
import { useEffect } from "react";
import { useCart } from "../../cart-store";

/** The order is placed: its items leave the cart. */
export function ClearCart({ slug }: { slug: string }) {
  const { clear } = useCart(slug);
  useEffect(() => clear(), [clear]);
  return null;
}
