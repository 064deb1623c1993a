import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { KeepFresh } from "@/components/layout/keep-fresh";
import { requireStaffPage } from "@/lib/auth/session";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { displayStatus } from "@/lib/invoices/status";
import { pendingDelayedPayment } from "@/lib/payments/card/delayed-checkout";
import { PendingPaymentNotice } from "@/components/pending-payment-notice";
import { today } from "@/lib/dates";
import { formatIn } from "@/lib/i18n/format";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { refundsOfInvoice } from "@/lib/payments/refunds/list-refunds";
import { cn } from "@/lib/cn";
import { InvoiceLinesTable } from "../invoice-lines-table";
import { InvoiceStatusBadge } from "../invoice-status-badge";
import { InvoiceButtons } from "./invoice-buttons";
import { PayButtons } from "./pay-buttons";
import { PaymentsCard } from "./payments-card";
import { fullName } from "@/lib/members/full-name";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dojo } = await requireStaffPage("invoices");
  const detail = await getInvoice(await getDb(), dojo.id, (await params).id);
  const t = await staffT("staff.invoices.detail");
  return { title: detail?.invoice.number ? t("title", { number: detail.invoice.number }) : t("draftTitle") };
}

export default async function InvoicePage({ params }: Props) {
  const { dojo } = await requireStaffPage("invoices");
  const { id } = await params;
  const db = await getDb();
  const detail = await getInvoice(db, dojo.id, id);
  if (!detail) notFound();
  const { invoice, member, lines, payments, automaticRefunds } = detail;
  const refunds = await refundsOfInvoice(db, dojo.id, invoice.id);
  const pending = invoice.status === "open" ? await pendingDelayedPayment(db, dojo.id, invoice.id) : null;
  const failedRefunds = refunds.filter((r) => r.failedAt);
  const on = today();
  const status = displayStatus(invoice, on);
  const openMinor = invoice.totalMinor - invoice.paidMinor;
  const memberName = fullName(member);
  const t = await staffT("staff.invoices.detail");
  const locale = await staffLocale();
  const f = formatIn(locale);

  return (
    <>
      {/* An open invoice can be paid elsewhere meanwhile (members area, card link, webhook). */}
      {invoice.status === "open" && <KeepFresh />}
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {invoice.number ? t("title", { number: invoice.number }) : t("draftTitle")}
            <InvoiceStatusBadge status={status} />
          </span>
        }
        description={
          <Link href="/invoices" className="text-brand-700 hover:underline">
            {t("allInvoices")}
          </Link>
        }
        actions={
          <>
            <InvoiceButtons invoiceId={invoice.id} status={invoice.status} hasPayments={invoice.paidMinor > 0} />
            {invoice.status === "open" && !invoice.stripeInvoiceId && !pending && <PayButtons invoiceId={invoice.id} memberId={invoice.memberId} number={invoice.number} currency={invoice.currency} openMinor={openMinor} today={on} />}
          </>
        }
      />
      {pending && <PendingPaymentNotice pending={pending} />}
      {invoice.status === "open" && invoice.stripeInvoiceId && (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("stripeCollects")}
        </p>
      )}

      {payments
        .filter((p) => p.disputedMinor)
        .map((p) => (
          <div key={p.id} role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="disputed-payment-notice">
            <span className="font-medium">{t("disputed", { amount: f.money(p.disputedMinor ?? 0, p.currency), on: p.disputedAt ? t("disputedOn", { date: f.date(p.disputedAt, dojo.timeZone) }) : "" })}</span>{" "}
            {t(invoice.status === "open" ? "disputedBookedOpen" : "disputedBooked")}
          </div>
        ))}

      {failedRefunds.map((r) => (
        <div key={r.id} role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="failed-refund-notice">
          <span className="font-medium">
            {r.failedAt
              ? t("refundFailedOn", { amount: f.money(r.amountMinor, r.currency), date: f.date(r.failedAt, dojo.timeZone), reason: r.failureReason ?? "" })
              : t("refundFailed", { amount: f.money(r.amountMinor, r.currency), reason: r.failureReason ?? "" })}
          </span>{" "}
          {t("refundFailedHelp", { name: memberName })}
        </div>
      ))}

      {invoice.status === "void" && (
        <div role="status" className="mb-4 rounded-md border border-stone-300 bg-stone-100 px-4 py-3 text-sm text-stone-700">
          <span className="font-medium">{invoice.voidedAt ? t("voidedOn", { date: f.date(invoice.voidedAt, dojo.timeZone) }) : t("voided")}</span> {t("reason")} <span className="whitespace-pre-line">{invoice.voidReason}</span>
        </div>
      )}
      {invoice.status === "draft" && (
        <div role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("draftNotice")}
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title={t("lines")} />
            <InvoiceLinesTable lines={lines} currency={invoice.currency} totalMinor={invoice.totalMinor} paidMinor={invoice.paidMinor} locale={locale} />
            {invoice.notes && (
              <CardBody className="border-t border-stone-100">
                <h3 className="text-xs font-semibold tracking-wide text-stone-500 uppercase">{t("notes")}</h3>
                <p className="mt-1 text-sm whitespace-pre-line text-stone-700">{invoice.notes}</p>
              </CardBody>
            )}
          </Card>

          <PaymentsCard invoice={invoice} payments={payments} refunds={refunds} automaticRefunds={automaticRefunds} />
        </div>

        <Card className="h-fit">
          <CardHeader title={t("details")} />
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-stone-500">{t("member")}</dt>
              <dd className="min-w-0">
                <Link href={`/members/${member.id}`} className="font-medium break-words text-brand-700 hover:underline">
                  {memberName}
                </Link>
                <span className="block font-mono text-xs text-stone-500">{member.uid}</span>
              </dd>
              <dt className="text-stone-500">{t("issued")}</dt>
              <dd>{f.date(invoice.issueDate)}</dd>
              <dt className="text-stone-500">{t("due")}</dt>
              <dd className={cn(status === "overdue" && "font-medium text-red-700")}>{f.date(invoice.dueDate)}</dd>
              {invoice.paidAt && (
                <>
                  <dt className="text-stone-500">{t("paid")}</dt>
                  <dd>{f.date(invoice.paidAt, dojo.timeZone)}</dd>
                </>
              )}
              <dt className="text-stone-500">{t("total")}</dt>
              <dd className="font-semibold tabular-nums">{f.money(invoice.totalMinor, invoice.currency)}</dd>
              {invoice.refundedMinor > 0 && (
                <>
                  <dt className="text-stone-500">{t("refunded")}</dt>
                  <dd className="font-semibold text-red-700 tabular-nums">{f.money(invoice.refundedMinor, invoice.currency)}</dd>
                </>
              )}
              {invoice.status === "open" && (
                <>
                  <dt className="text-stone-500">{t("open")}</dt>
                  <dd className="font-semibold tabular-nums">{f.money(openMinor, invoice.currency)}</dd>
                </>
              )}
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
