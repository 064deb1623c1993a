import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { MoneyDifferences } from "@/components/stripe/money-differences";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { MoneyCheckResult } from "@/lib/stripe/money-check/types";
import { recordDifferenceAction, refundDifferenceAction } from "./money-check-actions";

/** Settings → Stripe: does Stripe's money match Tatami's books? Read from the stored check. */
export function MoneyCheckCard({ check, mayAct, timeZone }: { check: MoneyCheckResult | null; mayAct: boolean ; timeZone: string }) {
  const period = check ? `${formatDate(check.periodStart, timeZone)} – ${formatDate(check.periodEnd, timeZone)}` : null;
  const description = check
    ? `Payments and refunds of ${period} in Stripe compared with Tatami's books; checked ${formatDateTime(check.checkedAt, timeZone)}. Checked every hour and with "Check for missed events".`
    : `Not checked yet. It runs every hour, and with "Check for missed events" below.`;
  return (
    <Card data-testid="money-check">
      <CardHeader title="Money check" description={description} />
      {check?.error && (
        <CardBody className="border-b border-stone-100">
          <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            The last check could not ask Stripe: {check.error}. {check.differences.length ? "The list below is from the check before." : ""}
          </p>
        </CardBody>
      )}
      {check && check.differences.length === 0 && !check.error && (
        <CardBody>
          <p className="font-medium text-green-800" role="status">
            Stripe and Tatami agree.
          </p>
          <p className="mt-1 text-sm text-stone-600">
            {check.chargesChecked} payment{check.chargesChecked === 1 ? "" : "s"} and {check.refundsChecked} refund{check.refundsChecked === 1 ? "" : "s"} at Stripe checked: nothing is missing on either side.
          </p>
        </CardBody>
      )}
      {check && check.differences.length > 0 && (
        <>
          <CardBody className="border-b border-stone-100">
            <p className="font-medium text-red-800" role="status">
              {check.differences.length} difference{check.differences.length === 1 ? "" : "s"} between Stripe and Tatami
            </p>
            <p className="mt-1 text-sm text-stone-600">Money Stripe holds that Tatami&apos;s books do not show, or the other way round. Settle each one below.</p>
          </CardBody>
          <MoneyDifferences differences={check.differences} timeZone={timeZone} mayAct={mayAct} record={recordDifferenceAction} refund={refundDifferenceAction} />
        </>
      )}
    </Card>
  );
}
