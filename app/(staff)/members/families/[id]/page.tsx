import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff-session";
import { getFamily, membersWithoutFamily } from "@/lib/families/read";
import { fullName } from "@/lib/members/full-name";
import { AddFamilyMember, DeleteFamily, RemoveFamilyMember } from "../family-buttons";
import { FamilyFormDialog } from "../family-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.members.families.family"))("title") };
}

export default async function FamilyPage({ params }: { params: Promise<{ id: string }> }) {
  const { dojo } = await requireStaffPage("members");
  const db = await getDb();
  const family = await getFamily(db, dojo.id, (await params).id);
  if (!family) notFound();
  const others = await membersWithoutFamily(db, dojo.id);
  const t = await staffT("staff.members.families");
  const own = family.members.map((m) => ({ id: m.id, name: fullName(m) }));
  const formValues = {
    id: family.id,
    name: family.name,
    payerKind: family.payer.memberId ? ("member" as const) : ("contact" as const),
    payerMemberId: family.payer.memberId ?? "",
    payerName: family.payer.memberId ? "" : family.payer.name,
    payerEmail: family.payer.memberId ? "" : (family.payer.email ?? ""),
  };
  return (
    <>
      <Link href="/members/families" className="mb-3 inline-flex items-center gap-1 text-sm text-stone-500 hover:text-stone-800">
        <ArrowLeft className="size-4" aria-hidden />
        {t("title")}
      </Link>
      <PageHeader
        title={t("family.name", { name: family.name })}
        description={
          <>
            {t.rich("family.paidBy", { name: family.payer.name, strong: (chunks) => <strong>{chunks}</strong> })}
            {family.payer.memberId ? t("family.member") : t("family.contact", { email: family.payer.email ?? "" })}
          </>
        }
        actions={
          <>
            <FamilyFormDialog family={formValues} memberOptions={[...own, ...others]} />
            <DeleteFamily familyId={family.id} name={family.name} />
          </>
        }
      />
      <Card className="p-4">
        <h2 className="mb-3 text-base font-semibold text-stone-900">{t("family.members")}</h2>
        {family.members.length === 0 ? (
          <p className="mb-3 text-sm text-stone-500">{t("family.noMembers")}</p>
        ) : (
          <ul className="mb-4 divide-y divide-stone-100">
            {family.members.map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-2 py-2" data-testid="family-member">
                <span className="min-w-0">
                  <Link href={`/members/${m.id}`} className="font-medium text-stone-900 hover:underline">
                    {fullName(m)}
                  </Link>{" "}
                  <span className="font-mono text-xs text-stone-500">{m.uid}</span> {m.id === family.payer.memberId && <Badge>{t("family.payer")}</Badge>}
                  {m.status === "inactive" && <Badge>{t("family.inactive")}</Badge>}
                </span>
                {m.id !== family.payer.memberId && <RemoveFamilyMember familyId={family.id} memberId={m.id} name={fullName(m)} />}
              </li>
            ))}
          </ul>
        )}
        <AddFamilyMember familyId={family.id} options={others} />
      </Card>
    </>
  );
}
