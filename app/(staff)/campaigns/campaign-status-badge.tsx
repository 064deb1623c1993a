import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CampaignRecipientStatus, CampaignStatus } from "@/db/schema";

const CAMPAIGN: Record<CampaignStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  queued: { label: "Queued", tone: "blue" },
  sending: { label: "Sending", tone: "amber" },
  sent: { label: "Sent", tone: "green" },
  failed: { label: "Failed", tone: "red" },
};

const RECIPIENT: Record<CampaignRecipientStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "blue" },
  sent: { label: "Sent", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  skipped: { label: "Skipped", tone: "neutral" },
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge tone={CAMPAIGN[status].tone}>{CAMPAIGN[status].label}</Badge>;
}

export function RecipientStatusBadge({ status }: { status: CampaignRecipientStatus }) {
  return <Badge tone={RECIPIENT[status].tone}>{RECIPIENT[status].label}</Badge>;
}

export const RECIPIENT_STATUS_LABELS = Object.fromEntries(Object.entries(RECIPIENT).map(([k, v]) => [k, v.label])) as Record<CampaignRecipientStatus, string>;
