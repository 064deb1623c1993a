import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { familyOfMember } from "@/lib/families/read";
import { staffT } from "@/lib/i18n/staff-session";
import { fullName } from "@/lib/members/full-name";

/** The member's family and who pays for it, or how to put them in one. */
export async function MemberFamilyCard({ dojoId, memberId }: { dojoId: string; memberId: string }) {
  const family = await familyOfMember(await getDb(), dojoId, memberId);
  const t = await staffT("staff.members.member.family");
  const others = family?.members.filter((m) => m.id !== memberId).map(fullName) ?? [];
  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody>
        {family ? (
          <div className="space-y-1 text-sm text-stone-700" data-testid="member-family">
            <p>
              <Link href={`/members/families/${family.id}`} className="font-medium text-stone-900 hover:underline">
                {t("name", { name: family.name })}
              </Link>
              {" · "}
              {family.payer.memberId === memberId ? t("paysForFamily") : t("paidBy", { name: family.payer.name })}
            </p>
            <p className="text-stone-500">{others.length > 0 ? t("with", { names: others.join(", ") }) : t("withNobody")}</p>
          </div>
        ) : (
          <p className="text-sm text-stone-500">
            {t.rich("none", {
              link: (chunks) => (
                <Link href="/members/families" className="underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
