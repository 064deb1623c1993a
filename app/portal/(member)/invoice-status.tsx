import { Badge, type BadgeTone } from "@/components/ui/badge";
import { displayStatus, STATUS_LABELS, type DisplayStatus } from "@/lib/invoices/status";

const TONES: Record<DisplayStatus, BadgeTone> = { draft: "neutral", open: "amber", overdue: "red", paid: "green", void: "neutral" };

export function InvoiceStatusBadge({ invoice }: { invoice: Parameters<typeof displayStatus>[0] }) {
  const status = displayStatus(invoice);
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
