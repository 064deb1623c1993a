import type { PublicProduct } from "@/lib/shop/public-shop";
import type { CartItem } from "./cart-store";

export type CartProblem = { kind: "sold_out" } | { kind: "too_many"; available: number };

export interface CartLine {
  product: PublicProduct;
  quantity: number;
  /** Why this line cannot be ordered as it is; null when it can. */
  problem: CartProblem | null;
}

/** The cart's items joined with what the server says about each product right now. */
export function cartLines(items: CartItem[], products: PublicProduct[]): { lines: CartLine[]; gone: number; totalMinor: number; ok: boolean } {
  const byId = new Map(products.map((p) => [p.id, p]));
  const lines: CartLine[] = [];
  let gone = 0;
  for (const item of items) {
    const product = byId.get(item.productId);
    if (!product) {
      gone++;
      continue;
    }
    const problem: CartProblem | null =
      product.available === 0 ? { kind: "sold_out" } : product.available !== null && item.quantity > product.available ? { kind: "too_many", available: product.available } : null;
    lines.push({ product, quantity: item.quantity, problem });
  }
  const totalMinor = lines.reduce((sum, l) => sum + l.product.priceMinor * l.quantity, 0);
  return { lines, gone, totalMinor, ok: lines.length > 0 && lines.every((l) => !l.problem) };
}
