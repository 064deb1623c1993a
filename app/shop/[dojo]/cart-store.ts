"use client";
import { useCallback, useMemo, useSyncExternalStore } from "react";

// The cart lives in the browser (localStorage, one per shop), so it survives page changes and
// reloads without an account. It holds product ids and quantities only: prices are always
// read from the server.
export interface CartItem {
  productId: string;
  quantity: number;
}

const EVENT = "tatami-cart";
const keyOf = (slug: string) => `tatami-cart:${slug}`;

function read(slug: string): string {
  try {
    return localStorage.getItem(keyOf(slug)) ?? "[]";
  } catch {
    return "[]";
  }
}

function parse(raw: string): CartItem[] {
  try {
    const items = JSON.parse(raw) as unknown;
    if (!Array.isArray(items)) return [];
    return items.filter((i): i is CartItem => typeof i?.productId === "string" && Number.isInteger(i?.quantity) && i.quantity > 0);
  } catch {
    return [];
  }
}

function write(slug: string, items: CartItem[]) {
  localStorage.setItem(keyOf(slug), JSON.stringify(items.filter((i) => i.quantity > 0)));
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  // Another tab changed the cart.
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function useCart(slug: string) {
  const raw = useSyncExternalStore(subscribe, () => read(slug), () => "[]");
  const items = useMemo(() => parse(raw), [raw]);
  const setQuantity = useCallback(
    (productId: string, quantity: number) => {
      const current = parse(read(slug));
      const exists = current.some((i) => i.productId === productId);
      write(slug, exists ? current.map((i) => (i.productId === productId ? { ...i, quantity } : i)) : [...current, { productId, quantity }]);
    },
    [slug],
  );
  const add = useCallback(
    (productId: string, quantity: number, max: number | null) => {
      const have = parse(read(slug)).find((i) => i.productId === productId)?.quantity ?? 0;
      setQuantity(productId, Math.min(have + quantity, max ?? 99, 99));
    },
    [slug, setQuantity],
  );
  const clear = useCallback(() => write(slug, []), [slug]);
  const count = items.reduce((sum, i) => sum + i.quantity, 0);
  return { items, count, add, setQuantity, clear };
}
