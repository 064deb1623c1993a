import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { MoneyDifferences } from "@/components/stripe/money-differences";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import type { MoneyCheckResult } from "@/lib/stripe/money-check/types";
import { recordDifferenceAction, refundDifferenceAction } from "./money-check-actions";

/** Settings → Stripe: does Stripe's money match Tatami's books? Read from the stored check. */
export function MoneyCheckCard({ check, mayAct, timeZone, locale }: { check: MoneyCheckResult | null; mayAct: boolean; timeZone: string; locale: StaffLocale }) {
  const t = staffTranslator(locale, "staff.settings.stripe.moneyCheck");
  const description = check
    ? t("description", { period: `${formatDate(check.periodStart, timeZone, locale)} – ${formatDate(check.periodEnd, timeZone, locale)}`, checked: formatDateTime(check.checkedAt, timeZone, locale) })
    : t("notChecked");
  return (
    <Card data-testid="money-check">
      <CardHeader title={t("title")} description={description} />
      {check?.error && (
        <CardBody className="border-b border-stone-100">
          <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("error", { error: check.error })} {check.differences.length ? t("errorListIsOlder") : ""}
          </p>
        </CardBody>
      )}
      {check && check.differences.length === 0 && !check.error && (
        <CardBody>
          <p className="font-medium text-green-800" role="status">
            {t("agree")}
          </p>
          <p className="mt-1 text-sm text-stone-600">{t("agreeDetail", { payments: check.chargesChecked, refunds: check.refundsChecked })}</p>
        </CardBody>
      )}
      {check && check.differences.length > 0 && (
        <>
          <CardBody className="border-b border-stone-100">
            <p className="font-medium text-red-800" role="status">
              {t("differences", { n: check.differences.length })}
            </p>
            <p className="mt-1 text-sm text-stone-600">{t("differencesDetail")}</p>
          </CardBody>
          <MoneyDifferences differences={check.differences} timeZone={timeZone} mayAct={mayAct} record={recordDifferenceAction} refund={refundDifferenceAction} />
        </>
      )}
    </Card>
  );
}
