import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ShopOrder } from "@/db/schema";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { awaitsConfirmation } from "@/lib/shop/at-dojo-orders";
import { isAbandoned } from "@/lib/shop/orders";

const TONES = { pending: "amber", paid: "blue", fulfilled: "green", cancelled: "neutral" } as const satisfies Record<ShopOrder["status"], BadgeTone>;

export function OrderStatusBadge({ order, locale }: { order: Pick<ShopOrder, "status" | "payment" | "reservedUntil" | "confirmedAt">; locale: StaffLocale }) {
  const t = staffTranslator(locale, "staff.webshop.orders.statuses");
  if (isAbandoned(order)) return <Badge tone="neutral">{t("abandoned")}</Badge>;
  if (awaitsConfirmation(order)) return <Badge tone="amber">{t("to_confirm")}</Badge>;
  return <Badge tone={TONES[order.status]}>{t(order.status)}</Badge>;
}
