import { Badge } from "@/components/ui/badge";
import type { MemberStatus } from "@/db/schema";
import { staffT } from "@/lib/i18n/staff-session";

export async function MemberStatusBadge({ status }: { status: MemberStatus }) {
  const t = await staffT("staff.members.status");
  return <Badge tone={status === "active" ? "green" : "neutral"}>{t(status)}</Badge>;
}
