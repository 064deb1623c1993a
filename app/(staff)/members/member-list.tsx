import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { staffT } from "@/lib/i18n/staff-session";
import { fullName } from "@/lib/members/full-name";
import type { MemberProfile } from "@/lib/members/get";
import { MemberStatusBadge } from "./member-status-badge";

type ListedMember = Pick<MemberProfile, "id" | "uid" | "firstName" | "lastName" | "email" | "status">;

/** The members as a table on wide screens and as a stack of rows on phones. */
export async function MemberList({ members }: { members: ListedMember[] }) {
  const t = await staffT("staff.members.list.columns");
  return (
    <>
      <div className="hidden sm:block">
        <Table>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("uid")}</Th>
              <Th>{t("email")}</Th>
              <Th>{t("status")}</Th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberTableRow key={m.id} member={m} />
            ))}
          </tbody>
        </Table>
      </div>
      <ul className="divide-y divide-stone-100 sm:hidden">
        {members.map((m) => (
          <MemberListItem key={m.id} member={m} />
        ))}
      </ul>
    </>
  );
}

export function MemberTableRow({ member }: { member: ListedMember }) {
  return (
    <tr className="hover:bg-stone-50">
      <Td>
        <Link href={`/members/${member.id}`} className="font-medium text-stone-900 hover:text-brand-700 hover:underline">
          {fullName(member)}
        </Link>
      </Td>
      <Td className="font-mono tracking-wider text-stone-700">{member.uid}</Td>
      <Td className="max-w-64 truncate text-stone-600">{member.email ?? <span className="text-stone-400">—</span>}</Td>
      <Td>
        <MemberStatusBadge status={member.status} />
      </Td>
    </tr>
  );
}

export function MemberListItem({ member }: { member: ListedMember }) {
  return (
    <li>
      <Link href={`/members/${member.id}`} className="block px-4 py-3 hover:bg-stone-50">
        <span className="flex items-center justify-between gap-3">
          <span className="min-w-0 truncate font-medium text-stone-900">{fullName(member)}</span>
          <MemberStatusBadge status={member.status} />
        </span>
        <span className="mt-0.5 flex items-center gap-3 text-sm text-stone-500">
          <span className="font-mono tracking-wider text-stone-700">{member.uid}</span>
          {member.email && <span className="min-w-0 truncate">{member.email}</span>}
        </span>
      </Link>
    </li>
  );
}
