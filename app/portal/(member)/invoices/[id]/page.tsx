import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, FileDown } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getSeller } from "@/lib/dojos/profile";
import { requireMemberPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { describeAutomaticRefund } from "@/lib/payments/automatic-refunds/describe-automatic-refund";
import { getMemberInvoice } from "@/lib/portal/invoices";
import { InvoiceStatusBadge } from "../../invoice-status";
import { CheckoutReturn } from "../../checkout-return";
import { PaymentOptions } from "../../payment-options";

export const metadata = { title: "Invoice" };

const METHOD_LABELS = { cash: "Cash", bank_transfer: "Bank transfer", card: "Card" } as const;

export default async function PortalInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { dojo, member } = await requireMemberPage();
  const db = await getDb();
  const invoice = await getMemberInvoice(db, { dojoId: dojo.id, memberId: member.id }, (await params).id);
  if (!invoice) notFound();
  const seller = await getSeller(db, dojo.id);
  const money = (minor: number) => formatMoney(minor, invoice.currency);

  return (
    <div className="space-y-4">
      <Link href="/portal" className="no-print inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> All invoices
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Invoice {invoice.number}</h1>
        <InvoiceStatusBadge invoice={invoice} />
        <Button asChild variant="secondary" size="sm" className="ml-auto">
          {/* A route handler, not a page: a plain link so the browser downloads the file. */}
          <a href={`/portal/invoices/${invoice.id}/pdf`} download>
            <FileDown className="size-4" aria-hidden /> Download PDF
          </a>
        </Button>
      </div>

      <CheckoutReturn />
      {invoice.status === "open" && <PaymentOptions invoice={invoice} dojoName={dojo.name} />}

      <Card>
        <CardBody>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <div>
              <dt className="text-stone-500">Issued</dt>
              <dd className="font-medium">{formatDate(invoice.issueDate)}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{invoice.status === "paid" ? "Paid" : "Due"}</dt>
              <dd className="font-medium">{formatDate(invoice.status === "paid" && invoice.paidAt ? invoice.paidAt : invoice.dueDate, dojo.timeZone)}</dd>
            </div>
            <div>
              <dt className="text-stone-500">From</dt>
              <dd>
                <span className="font-medium">{seller.legalName ?? seller.name}</span>
                {seller.address && <span className="block whitespace-pre-line text-stone-600">{seller.address}</span>}
                {seller.vatNumber && <span className="block text-stone-600">VAT number: {seller.vatNumber}</span>}
              </dd>
            </div>
            <div>
              <dt className="text-stone-500">To</dt>
              <dd className="font-medium">
                {member.firstName} {member.lastName}
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Items" />
        <ul className="divide-y divide-stone-100">
          {invoice.lines.map((line) => (
            <li key={line.id} className="flex items-start justify-between gap-4 px-4 py-3 text-sm sm:px-5">
              <div className="min-w-0">
                <p className="font-medium break-words">{line.description}</p>
                <p className="text-xs text-stone-500 tabular-nums">
                  {line.quantity} × {money(line.unitPriceMinor)}
                </p>
              </div>
              <p className="font-medium tabular-nums">{money(line.amountMinor)}</p>
            </li>
          ))}
        </ul>
        <dl className="space-y-1 border-t border-stone-200 px-4 py-3 text-sm sm:px-5">
          <div className="flex justify-between font-semibold">
            <dt>Total</dt>
            <dd className="tabular-nums">{money(invoice.totalMinor)}</dd>
          </div>
          {invoice.payments.map((p) => (
            <div key={p.id} className="flex justify-between text-stone-600">
              <dt>
                Paid {formatDate(p.paidAt, dojo.timeZone)} · {METHOD_LABELS[p.method]}
              </dt>
              <dd className="tabular-nums">−{money(p.amountMinor)}</dd>
            </div>
          ))}
          {invoice.refundedMinor > 0 && (
            <div className="flex justify-between text-stone-600">
              <dt>Refunded to you</dt>
              <dd className="tabular-nums">{money(invoice.refundedMinor)}</dd>
            </div>
          )}
          {invoice.automaticRefunds.map((r) => (
            <p key={r.id} className="text-stone-600">
              {describeAutomaticRefund(r, "payer", dojo.timeZone)}
            </p>
          ))}
          {invoice.status === "open" && (
            <div className="flex justify-between font-semibold text-amber-800">
              <dt>Still to pay</dt>
              <dd className="tabular-nums">{money(invoice.openMinor)}</dd>
            </div>
          )}
        </dl>
      </Card>

      {invoice.notes && (
        <Card>
          <CardHeader title="Notes" />
          <CardBody>
            <p className="text-sm whitespace-pre-line text-stone-700">{invoice.notes}</p>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
