import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { shopOrderLines, shopOrders } from "@/db/schema";

/**
 * Items held by card orders whose Checkout is still running, per product. A reservation ends
 * by itself at `reserved_until` (the Checkout Session expires then too), so an abandoned
 * checkout needs no clean-up to give its items back.
 */
export async function reservedQuantities(db: DbOrTx, productIds: string[], exceptOrderId?: string): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .select({ productId: shopOrderLines.productId, quantity: sql<number>`sum(${shopOrderLines.quantity})::int` })
    .from(shopOrderLines)
    .innerJoin(shopOrders, eq(shopOrders.id, shopOrderLines.orderId))
    .where(
      and(
        inArray(shopOrderLines.productId, productIds),
        eq(shopOrders.status, "pending"),
        eq(shopOrders.stockTaken, false),
        gt(shopOrders.reservedUntil, sql`now()`),
        exceptOrderId ? sql`${shopOrders.id} <> ${exceptOrderId}` : undefined,
      ),
    )
    .groupBy(shopOrderLines.productId);
  return new Map(rows.map((r) => [r.productId, r.quantity]));
}

/** How many can still be bought: null for unlimited stock. */
export function availableOf(stock: number | null, reserved: number | undefined): number | null {
  return stock === null ? null : Math.max(0, stock - (reserved ?? 0));
}
