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
import { formatDate, today } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
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
  return { title: detail?.invoice.number ? `Invoice ${detail.invoice.number}` : "Draft invoice" };
}

export default async function InvoicePage({ params }: Props) {
  const { dojo } = await requireStaffPage("invoices");
  const { id } = await params;
  const db = await getDb();
  const detail = await getInvoice(db, dojo.id, id);
  if (!detail) notFound();
  const { invoice, member, lines, payments, automaticRefunds } = detail;
  const refunds = await refundsOfInvoice(db, dojo.id, invoice.id);
  const failedRefunds = refunds.filter((r) => r.failedAt);
  const on = today();
  const status = displayStatus(invoice, on);
  const openMinor = invoice.totalMinor - invoice.paidMinor;
  const memberName = fullName(member);

  return (
    <>
      {/* An open invoice can be paid elsewhere meanwhile (members area, card link, webhook). */}
      {invoice.status === "open" && <KeepFresh />}
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {invoice.number ? `Invoice ${invoice.number}` : "Draft invoice"}
            <InvoiceStatusBadge status={status} />
          </span>
        }
        description={
          <Link href="/invoices" className="text-brand-700 hover:underline">
            All invoices
          </Link>
        }
        actions={
          <>
            <InvoiceButtons invoiceId={invoice.id} status={invoice.status} hasPayments={invoice.paidMinor > 0} />
            {invoice.status === "open" && !invoice.stripeInvoiceId && <PayButtons invoiceId={invoice.id} memberId={invoice.memberId} number={invoice.number} currency={invoice.currency} openMinor={openMinor} today={on} />}
          </>
        }
      />
      {invoice.status === "open" && invoice.stripeInvoiceId && (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Stripe collects this subscription invoice and retries the card. The member can pay or confirm it from the link in their e-mail or the card link in their Stripe section.
        </p>
      )}

      {failedRefunds.map((r) => (
        <div key={r.id} role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="failed-refund-notice">
          <span className="font-medium">
            The refund of {formatMoney(r.amountMinor, r.currency)} failed{r.failedAt ? ` on ${formatDate(r.failedAt, dojo.timeZone)}` : ""}: {r.failureReason}.
          </span>{" "}
          {memberName} did not get the money back; it stayed in the dojo&apos;s Stripe account and is booked back in Costs &amp; revenues. Pay it back another way, or refund it again.
        </div>
      ))}

      {invoice.status === "void" && (
        <div role="status" className="mb-4 rounded-md border border-stone-300 bg-stone-100 px-4 py-3 text-sm text-stone-700">
          <span className="font-medium">Voided{invoice.voidedAt ? ` on ${formatDate(invoice.voidedAt, dojo.timeZone)}` : ""}.</span> Reason: <span className="whitespace-pre-line">{invoice.voidReason}</span>
        </div>
      )}
      {invoice.status === "draft" && (
        <div role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This is a draft: it gets its number when you issue it, and payments can be recorded after that.
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Lines" />
            <InvoiceLinesTable lines={lines} currency={invoice.currency} totalMinor={invoice.totalMinor} paidMinor={invoice.paidMinor} />
            {invoice.notes && (
              <CardBody className="border-t border-stone-100">
                <h3 className="text-xs font-semibold tracking-wide text-stone-500 uppercase">Notes</h3>
                <p className="mt-1 text-sm whitespace-pre-line text-stone-700">{invoice.notes}</p>
              </CardBody>
            )}
          </Card>

          <PaymentsCard invoice={invoice} payments={payments} refunds={refunds} automaticRefunds={automaticRefunds} />
        </div>

        <Card className="h-fit">
          <CardHeader title="Details" />
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-stone-500">Member</dt>
              <dd className="min-w-0">
                <Link href={`/members/${member.id}`} className="font-medium break-words text-brand-700 hover:underline">
                  {memberName}
                </Link>
                <span className="block font-mono text-xs text-stone-500">{member.uid}</span>
              </dd>
              <dt className="text-stone-500">Issued</dt>
              <dd>{formatDate(invoice.issueDate)}</dd>
              <dt className="text-stone-500">Due</dt>
              <dd className={cn(status === "overdue" && "font-medium text-red-700")}>{formatDate(invoice.dueDate)}</dd>
              {invoice.paidAt && (
                <>
                  <dt className="text-stone-500">Paid</dt>
                  <dd>{formatDate(invoice.paidAt, dojo.timeZone)}</dd>
                </>
              )}
              <dt className="text-stone-500">Total</dt>
              <dd className="font-semibold tabular-nums">{formatMoney(invoice.totalMinor, invoice.currency)}</dd>
              {invoice.refundedMinor > 0 && (
                <>
                  <dt className="text-stone-500">Refunded</dt>
                  <dd className="font-semibold text-red-700 tabular-nums">{formatMoney(invoice.refundedMinor, invoice.currency)}</dd>
                </>
              )}
              {invoice.status === "open" && (
                <>
                  <dt className="text-stone-500">Open</dt>
                  <dd className="font-semibold tabular-nums">{formatMoney(openMinor, invoice.currency)}</dd>
                </>
              )}
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
