import type { AutomaticRefund, Invoice, Payment } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { formatIn } from "@/lib/i18n/format";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { hasFeature } from "@/lib/account-plans/features";
import { describeAutomaticRefund } from "@/lib/payments/automatic-refunds/describe-automatic-refund";
import type { InvoiceRefund } from "@/lib/payments/refunds/list-refunds";
import { RefundDialog } from "./refund-dialog";

/**
 * The invoice's payments, each card payment with its refunds below it and a "Refund" button for
 * owners and managers; then the card payments Tatami gave back automatically (paid twice, ...).
 */
export async function PaymentsCard({ invoice, payments, refunds, automaticRefunds }: { invoice: Invoice; payments: Payment[]; refunds: InvoiceRefund[]; automaticRefunds: AutomaticRefund[] }) {
  const { dojo, user } = await requireStaffPage("invoices");
  const mayRefund = can(user.role, "refunds") && hasFeature(dojo.plan, "stripePayments");
  const openMinor = invoice.totalMinor - invoice.paidMinor;
  const t = await staffT("staff.invoices");
  const f = formatIn(await staffLocale());
  const formatMoney = f.money;
  const formatDate = f.date;
  const description = [
    invoice.status === "open" && invoice.paidMinor > 0 ? t("payments.stillOpen", { amount: formatMoney(openMinor, invoice.currency) }) : null,
    invoice.refundedMinor > 0 ? t("payments.refunded", { amount: formatMoney(invoice.refundedMinor, invoice.currency) }) : null,
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <Card>
      <CardHeader title={t("payments.title")} description={description || undefined} />
      {payments.length === 0 ? (
        <EmptyState title={t("payments.emptyTitle")} description={invoice.status === "open" ? t("payments.emptyDescription") : undefined} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("payments.date")}</Th>
              <Th>{t("payments.method")}</Th>
              <Th className="hidden sm:table-cell">{t("payments.reference")}</Th>
              <Th className="text-right">{t("payments.amount")}</Th>
              {mayRefund && (
                <Th>
                  <span className="sr-only">{t("payments.actions")}</span>
                </Th>
              )}
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => {
              const own = refunds.filter((r) => r.paymentId === p.id);
              const refundable = p.amountMinor - own.reduce((sum, r) => sum + (r.failedAt ? 0 : r.amountMinor), 0);
              // Stripe refuses to refund a disputed charge: the bank has already given the money back.
              const refundableByCard = p.method === "card" && !!p.stripePaymentIntentId && refundable > 0 && !p.stripeDisputeId;
              return [
                <tr key={p.id}>
                  <Td className="whitespace-nowrap">{formatDate(p.paidAt, dojo.timeZone)}</Td>
                  <Td>
                    {t(`method.${p.method}`)}{" "}
                    {p.disputedMinor ? <Badge tone="red">{t("payments.disputed", { amount: formatMoney(p.disputedMinor, p.currency) })}</Badge> : null}
                  </Td>
                  <Td className="hidden max-w-56 truncate text-stone-600 sm:table-cell">{p.reference ?? p.stripePaymentIntentId ?? "—"}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatMoney(p.amountMinor, p.currency)}</Td>
                  {mayRefund && (
                    <Td className="w-0 text-right">
                      {refundableByCard && <RefundDialog paymentId={p.id} currency={p.currency} paidMinor={p.amountMinor} refundableMinor={refundable} paidOn={formatDate(p.paidAt, dojo.timeZone)} />}
                    </Td>
                  )}
                </tr>,
                ...own.flatMap((r) => [
                  <tr key={r.id} className="bg-stone-50/60" data-testid={r.failedAt ? "failed-refund" : "refund"}>
                    <Td className="border-b-0 pl-6 whitespace-nowrap text-stone-600">{formatDate(r.createdAt, dojo.timeZone)}</Td>
                    <Td className="border-b-0 font-medium text-stone-700">
                      {t("payments.refund")} {r.failedAt && <Badge tone="red">{t("payments.failed")}</Badge>}
                    </Td>
                    <Td className="hidden max-w-56 truncate border-b-0 text-stone-500 sm:table-cell">{r.stripeRefundId ?? "—"}</Td>
                    <Td className={`border-b-0 text-right whitespace-nowrap tabular-nums ${r.failedAt ? "text-stone-400 line-through" : "text-red-700"}`}>−{formatMoney(r.amountMinor, r.currency)}</Td>
                    {mayRefund && <Td className="border-b-0" />}
                  </tr>,
                  // The reason on a line of its own, across the table: readable on a phone too.
                  <tr key={`${r.id}-reason`} className="bg-stone-50/60">
                    <Td colSpan={5} className="pt-0 pl-6 text-xs break-words text-stone-500">
                      {r.reason ?? t("payments.noReason")} · {r.createdByName ? t("payments.by", { name: r.createdByName }) : t("payments.madeInStripe")}
                      {r.failedAt && <span className="block font-medium text-red-700">{t("payments.failedOn", { date: formatDate(r.failedAt, dojo.timeZone), reason: r.failureReason ?? "" })}</span>}
                    </Td>
                  </tr>,
                ]),
              ];
            })}
          </tbody>
        </Table>
      )}
      {automaticRefunds.length > 0 && (
        <ul aria-label={t("payments.automaticRefunds")} className="space-y-1 border-t border-stone-100 px-4 py-3 text-sm break-words sm:px-5">
          {automaticRefunds.map((r) => (
            <li key={r.id} className={r.status === "failed" ? "font-medium text-red-700" : "text-stone-600"}>
              {describeAutomaticRefund(r, "staff", dojo.timeZone)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
