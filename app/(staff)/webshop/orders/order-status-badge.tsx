import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ShopOrder } from "@/db/schema";
import { isAbandoned, ORDER_STATUS_LABELS } from "@/lib/shop/orders";

const TONES = { pending: "amber", paid: "blue", fulfilled: "green", cancelled: "neutral" } as const satisfies Record<ShopOrder["status"], BadgeTone>;

export function OrderStatusBadge({ order }: { order: Pick<ShopOrder, "status" | "payment" | "reservedUntil"> }) {
  if (isAbandoned(order)) return <Badge tone="neutral">Checkout abandoned</Badge>;
  return <Badge tone={TONES[order.status]}>{ORDER_STATUS_LABELS[order.status]}</Badge>;
}

export const PAYMENT_LABELS = { card: "Card", at_dojo: "At the dojo" } as const;
