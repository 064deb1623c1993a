"use client";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DisplayStatus } from "@/lib/invoices/status";

const TONES: Record<DisplayStatus, BadgeTone> = { draft: "neutral", open: "blue", overdue: "red", paid: "green", void: "neutral" };

// A client component so every staff page showing one (invoices, a member's invoices) gets it in the dashboard's language.
export function InvoiceStatusBadge({ status }: { status: DisplayStatus }) {
  const t = useTranslations("staff.invoices.status");
  return (
    <Badge tone={TONES[status]} className={status === "void" ? "line-through" : undefined}>
      {t(status)}
    </Badge>
  );
}
