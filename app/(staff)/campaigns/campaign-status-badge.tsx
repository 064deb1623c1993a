"use client";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CampaignRecipientStatus, CampaignStatus } from "@/db/schema";

const CAMPAIGN: Record<CampaignStatus, BadgeTone> = { draft: "neutral", queued: "blue", sending: "amber", sent: "green", failed: "red" };
const RECIPIENT: Record<CampaignRecipientStatus, BadgeTone> = { queued: "blue", sent: "green", failed: "red", skipped: "neutral" };

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const t = useTranslations("staff.campaigns.campaignStatus");
  return <Badge tone={CAMPAIGN[status]}>{t(status)}</Badge>;
}

export function RecipientStatusBadge({ status }: { status: CampaignRecipientStatus }) {
  const t = useTranslations("staff.campaigns.recipientStatus");
  return <Badge tone={RECIPIENT[status]}>{t(status)}</Badge>;
}
