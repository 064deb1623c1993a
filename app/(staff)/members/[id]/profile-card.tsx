import type { ReactNode } from "react";
import { Card, CardBody } from "@/components/ui/card";
import { fullName } from "@/lib/members/full-name";
import type { MemberProfile } from "@/lib/members/get";
import { MemberStatusBadge } from "../member-status-badge";
import { CopyUid } from "./copy-uid";
import { formatDate } from "@/lib/dates";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2">
      <dt className="text-xs font-medium tracking-wide text-stone-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words whitespace-pre-line text-stone-900">{children ?? <span className="text-stone-400">—</span>}</dd>
    </div>
  );
}

/** Who the member is at a glance, with the UID they log in with up front. */
export async function MemberProfileCard({ member, timeZone }: { member: MemberProfile; timeZone: string }) {
  const t = await staffT("staff.members.member.profile");
  const locale = await staffLocale();
  return (
    <Card>
      <CardBody className="space-y-4">
        <div className="flex items-start justify-between gap-3">
          <h2 className="min-w-0 text-lg font-semibold break-words text-stone-900">{fullName(member)}</h2>
          <MemberStatusBadge status={member.status} />
        </div>
        <div className="rounded-lg bg-brand-50 px-4 py-3">
          <p className="text-xs font-medium tracking-wide text-brand-700 uppercase">{t("uid")}</p>
          <div className="mt-1 flex items-center justify-between gap-2">
            <span className="font-mono text-2xl font-semibold tracking-[0.2em] text-stone-900 select-all" data-testid="member-uid">
              {member.uid}
            </span>
            <CopyUid uid={member.uid} />
          </div>
          <p className="mt-1 text-xs text-stone-600">{member.hasPortalPassword ? t("hasPassword") : t("noPassword")}</p>
        </div>
        <dl className="divide-y divide-stone-100">
          <Detail label={t("email")}>{member.email && <a className="text-brand-700 hover:underline" href={`mailto:${member.email}`}>{member.email}</a>}</Detail>
          <Detail label={t("phone")}>{member.phone && <a className="text-brand-700 hover:underline" href={`tel:${member.phone}`}>{member.phone}</a>}</Detail>
          <Detail label={t("birthDate")}>{member.birthDate && formatDate(member.birthDate, timeZone, locale)}</Detail>
          <Detail label={t("address")}>{member.address}</Detail>
          <Detail label={t("notes")}>{member.notes}</Detail>
          <Detail label={t("since")}>{formatDate(member.createdAt, timeZone, locale)}</Detail>
        </dl>
      </CardBody>
    </Card>
  );
}
