import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireStaffPage } from "@/lib/auth/session";
import { PLAN_NAMES } from "@/lib/account-plans/features";
import { listPendingInvitations, listStaff } from "@/lib/staff/list";
import { seatUsage } from "@/lib/staff/seats";
import { InviteDialog } from "./invite-dialog";
import { RevokeInvitationButton } from "./revoke-invitation-button";
import { StaffRowButtons } from "./staff-row-buttons";
import { formatDate } from "@/lib/dates";
import { staffLocale } from "@/lib/i18n/staff-session";
import { staffTranslator } from "@/lib/i18n/staff-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: staffTranslator(await staffLocale(), "staff.settings.staff")("metaTitle") };
}
export default async function StaffSettingsPage() {
  const { dojo, user } = await requireStaffPage("staff.manage");
  const db = await getDb();
  const [staff, invitations, seats] = await Promise.all([listStaff(db, dojo.id), listPendingInvitations(db, dojo.id), seatUsage(db, dojo.id)]);
  const full = seats.active + seats.pending >= seats.limit;
  const locale = await staffLocale();
  const t = staffTranslator(locale, "staff.settings.staff");
  const roles = staffTranslator(locale, "staff.shell.roles");

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("title")}
          description={
            full
              ? t("full", { limit: seats.limit, plan: PLAN_NAMES[seats.plan] })
              : t("usage", { used: seats.active + seats.pending, limit: seats.limit, plan: PLAN_NAMES[seats.plan] })
          }
          actions={<InviteDialog disabled={full} />}
        />
        <ul className="divide-y divide-stone-100">
          {staff.map((s) => (
            <li key={s.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:px-5">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                  <span className="break-words">{s.name}</span>
                  {s.id === user.id && <Badge tone="blue">{t("you")}</Badge>}
                  {!s.active && <Badge tone="neutral">{t("deactivated")}</Badge>}
                </p>
                <p className="truncate text-sm text-stone-500">{s.email}</p>
              </div>
              {s.id === user.id ? (
                <p className="text-sm font-medium text-stone-700">{roles(s.role)}</p>
              ) : (
                <StaffRowButtons staff={{ id: s.id, name: s.name, role: s.role, active: s.active }} />
              )}
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <CardHeader title={t("pending")} description={t("pendingDescription")} />
        {invitations.length === 0 ? (
          <EmptyState title={t("noPending")} description={t("noPendingDescription")} />
        ) : (
          <ul className="divide-y divide-stone-100">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:px-5">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    <span className="break-words">{inv.name}</span>
                    <Badge tone="amber">{roles(inv.role)}</Badge>
                  </p>
                  <p className="truncate text-sm text-stone-500">
                    {t("expires", { email: inv.email, date: formatDate(inv.expiresAt, dojo.timeZone, locale) })}
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
