import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { MoneyDifferences } from "@/components/stripe/money-differences";
import type { MoneyCheckResult } from "@/lib/stripe/money-check/types";
import { staffT } from "@/lib/i18n/staff-session";
import { recordDifferenceAction, refundDifferenceAction } from "../settings/stripe/money-check-actions";

const SHOWN = 3;

/** Only when the last money check found differences: the first few, each with what settles it. */
export async function MoneyCheckAlert({ check, seesSettings, timeZone }: { check: MoneyCheckResult; seesSettings: boolean; timeZone: string }) {
  const n = check.differences.length;
  const t = await staffT("staff.dashboard.moneyCheck");
  return (
    <Card className="border-red-200" data-testid="money-check-alert">
      <CardHeader
        title={t("title", { count: n })}
        description={t("description")}
        actions={
          seesSettings ? (
            <Link href="/settings/stripe" className="text-sm font-medium text-brand-700 hover:underline">
              {n > SHOWN ? t("all", { count: n }) : t("settings")}
            </Link>
          ) : undefined
        }
      />
      <MoneyDifferences differences={check.differences.slice(0, SHOWN)} timeZone={timeZone} mayAct record={recordDifferenceAction} refund={refundDifferenceAction} />
    </Card>
  );
}
