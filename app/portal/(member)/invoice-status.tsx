import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { displayStatus, type DisplayStatus } from "@/lib/invoices/status";

const TONES: Record<DisplayStatus, BadgeTone> = { draft: "neutral", open: "amber", overdue: "red", paid: "green", void: "neutral" };

/** An invoice's status in the member's language (portal.status). */
export function InvoiceStatusBadge({ invoice, locale }: { invoice: Parameters<typeof displayStatus>[0]; locale: Locale }) {
  const status = displayStatus(invoice);
  return <Badge tone={TONES[status]}>{translator(locale, "portal.status")(status)}</Badge>;
}
