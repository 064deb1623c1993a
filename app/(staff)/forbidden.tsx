import Link from "next/link";
import { headers } from "next/headers";
import { LockKeyhole } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getStaffSession } from "@/lib/auth/session";
import { PATH_HEADER, isRefused, refusalFor } from "@/lib/auth/refusal";
import { staffT } from "@/lib/i18n/staff-session";

/**
 * What a staff page shows, inside the staff layout and with status 403, when the user's role
 * may not open it (requireStaffPage calls forbidden()): which page, who can, and whom to ask.
 */
export default async function Forbidden() {
  const session = await getStaffSession();
  const path = (await headers()).get(PATH_HEADER) ?? "";
  // Next draws this with every staff page (the boundary's fallback travels with the page, in case
  // it is refused): who to ask is looked up only when this person is refused this page.
  const refusal = session && isRefused(session.user.role, path) ? await refusalFor(await getDb(), session.dojo.id, path) : null;
  const ask = refusal?.askNames ?? [];
  const t = await staffT("staff.shell");
  return (
    <Card className="mx-auto mt-6 max-w-xl p-6 text-center sm:p-8">
      <LockKeyhole className="mx-auto size-8 text-stone-400" aria-hidden />
      <h1 className="mt-3 text-lg font-semibold text-stone-900">{refusal?.message ?? t("forbidden.title")}</h1>
      <p className="mt-2 text-sm text-stone-600">
        {session && <>{t("forbidden.signedInAs", { role: t(`roles.${session.user.role}`).toLowerCase() })} </>}
        {ask.length > 0 ? t.rich("forbidden.askPeople", { names: ask.join(", "), people: (chunks) => <strong className="font-medium text-stone-800">{chunks}</strong> }) : t("forbidden.askOwner")}
      </p>
      <Button asChild variant="secondary" className="mt-5">
        <Link href="/dashboard">{t("forbidden.back")}</Link>
      </Button>
    </Card>
  );
}
