import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABELS, type DisplayStatus } from "@/lib/invoices/status";

const TONES: Record<DisplayStatus, BadgeTone> = { draft: "neutral", open: "blue", overdue: "red", paid: "green", void: "neutral" };

export function InvoiceStatusBadge({ status }: { status: DisplayStatus }) {
  return (
    <Badge tone={TONES[status]} className={status === "void" ? "line-through" : undefined}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
