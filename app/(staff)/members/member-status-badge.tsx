import { Badge } from "@/components/ui/badge";
import type { MemberStatus } from "@/db/schema";

export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  return status === "active" ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>;
}
