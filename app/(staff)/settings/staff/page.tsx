import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { PLAN_NAMES } from "@/lib/account-plans/features";
import { listPendingInvitations, listStaff } from "@/lib/staff/list";
import { seatUsage } from "@/lib/staff/seats";
import { InviteDialog } from "./invite-dialog";
import { RevokeInvitationButton } from "./revoke-invitation-button";
import { StaffRowButtons } from "./staff-row-buttons";
import { formatDate } from "@/lib/dates";

export const metadata = { title: "Staff · Settings" };


export default async function StaffSettingsPage() {
  const { dojo, user } = await requireStaffPage("staff.manage");
  const db = await getDb();
  const [staff, invitations, seats] = await Promise.all([listStaff(db, dojo.id), listPendingInvitations(db, dojo.id), seatUsage(db, dojo.id)]);
  const full = seats.active + seats.pending >= seats.limit;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Staff"
          description={
            full
              ? `All ${seats.limit} staff users of the ${PLAN_NAMES[seats.plan]} plan are in use (pending invitations count). Deactivate someone or revoke an invitation to invite more.`
              : `${seats.active + seats.pending} of ${seats.limit} staff users on the ${PLAN_NAMES[seats.plan]} plan (pending invitations count).`
          }
          actions={<InviteDialog disabled={full} />}
        />
        <ul className="divide-y divide-stone-100">
          {staff.map((s) => (
            <li key={s.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:px-5">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                  <span className="break-words">{s.name}</span>
                  {s.id === user.id && <Badge tone="blue">You</Badge>}
                  {!s.active && <Badge tone="neutral">Deactivated</Badge>}
                </p>
                <p className="truncate text-sm text-stone-500">{s.email}</p>
              </div>
              {s.id === user.id ? (
                <p className="text-sm font-medium text-stone-700">{ROLE_LABELS[s.role]}</p>
              ) : (
                <StaffRowButtons staff={{ id: s.id, name: s.name, role: s.role, active: s.active }} />
              )}
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <CardHeader title="Pending invitations" description="Invitation links work for 7 days." />
        {invitations.length === 0 ? (
          <EmptyState title="No pending invitations" description="Invite a staff member to give them their own login." />
        ) : (
          <ul className="divide-y divide-stone-100">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:px-5">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    <span className="break-words">{inv.name}</span>
                    <Badge tone="amber">{ROLE_LABELS[inv.role]}</Badge>
                  </p>
                  <p className="truncate text-sm text-stone-500">
                    {inv.email} · expires {formatDate(inv.expiresAt, dojo.timeZone)}
                  </p>
                </div>
                <RevokeInvitationButton invitation={{ id: inv.id, name: inv.name }} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
