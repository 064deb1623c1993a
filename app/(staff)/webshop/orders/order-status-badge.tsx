import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ShopOrder } from "@/db/schema";
import { awaitsConfirmation } from "@/lib/shop/at-dojo-orders";
import { isAbandoned, ORDER_STATUS_LABELS } from "@/lib/shop/orders";

const TONES = { pending: "amber", paid: "blue", fulfilled: "green", cancelled: "neutral" } as const satisfies Record<ShopOrder["status"], BadgeTone>;

export function OrderStatusBadge({ order }: { order: Pick<ShopOrder, "status" | "payment" | "reservedUntil" | "confirmedAt"> }) {
  if (isAbandoned(order)) return <Badge tone="neutral">Checkout abandoned</Badge>;
  if (awaitsConfirmation(order)) return <Badge tone="amber">To confirm</Badge>;
  return <Badge tone={TONES[order.status]}>{ORDER_STATUS_LABELS[order.status]}</Badge>;
}

export const PAYMENT_LABELS = { card: "Card", at_dojo: "At the dojo" } as const;
