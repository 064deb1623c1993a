import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/session";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { InvoiceLinesTable } from "@/app/(staff)/invoices/invoice-lines-table";
import { PrintButton } from "./print-button";

// Lives outside the (staff) group so the page has no app chrome: it is the document itself.
type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dojo } = await requireStaffPage("invoices");
  const detail = await getInvoice(await getDb(), dojo.id, (await params).id);
  return { title: detail?.invoice.number ? `Invoice ${detail.invoice.number}` : "Draft invoice" };
}

const PRINT_CSS = `
@page { size: A4; margin: 16mm; }
@media print {
  html, body { background: white !important; }
  .invoice-sheet { box-shadow: none !important; border: 0 !important; margin: 0 !important; padding: 0 !important; max-width: none !important; }
  .invoice-sheet table { min-width: 0 !important; }
  .invoice-sheet th { background: transparent !important; }
}`;

export default async function PrintInvoicePage({ params }: Props) {
  const { dojo } = await requireStaffPage("invoices");
  const detail = await getInvoice(await getDb(), dojo.id, (await params).id);
  if (!detail) notFound();
  const { invoice, member, lines } = detail;
  const stamp = invoice.status === "void" ? "Void" : invoice.status === "draft" ? "Draft" : invoice.status === "paid" ? "Paid" : null;

  return (
    <div className="min-h-dvh bg-stone-100 px-3 py-6 print:bg-white print:p-0">
      <style>{PRINT_CSS}</style>
      <div className="no-print mx-auto mb-4 flex max-w-3xl items-center justify-between gap-3">
        <Link href={`/invoices/${invoice.id}`} className="text-sm text-brand-700 hover:underline">
          ← Back to the invoice
        </Link>
        <PrintButton />
      </div>
      <article className="invoice-sheet mx-auto max-w-3xl rounded-lg border border-stone-200 bg-white p-6 text-stone-900 shadow-sm sm:p-10">
        <header className="flex flex-wrap items-start justify-between gap-6">
          <div>
            <p className="text-xl font-semibold">{dojo.name}</p>
          </div>
          <div className="text-right">
            <h1 className="text-2xl font-semibold tracking-tight">Invoice</h1>
            <p className="mt-1 font-mono text-sm">{invoice.number ?? "—"}</p>
            {stamp && <p className="mt-2 inline-block rounded border-2 border-current px-2 py-0.5 text-sm font-bold tracking-widest text-stone-600 uppercase">{stamp}</p>}
          </div>
        </header>

        <section className="mt-8 grid gap-6 sm:grid-cols-2">
          <div>
            <h2 className="text-xs font-semibold tracking-wide text-stone-500 uppercase">Bill to</h2>
            <p className="mt-1 font-medium">
              {member.firstName} {member.lastName}
            </p>
            {member.address && <p className="text-sm whitespace-pre-line">{member.address}</p>}
            {member.email && <p className="text-sm">{member.email}</p>}
            <p className="text-sm text-stone-500">Member {member.uid}</p>
          </div>
          <dl className="grid grid-cols-[auto_1fr] content-start gap-x-4 gap-y-1 text-sm sm:justify-self-end">
            <dt className="text-stone-500">Issue date</dt>
            <dd>{formatDate(invoice.issueDate)}</dd>
            <dt className="text-stone-500">Due date</dt>
            <dd>{formatDate(invoice.dueDate)}</dd>
            <dt className="text-stone-500">Currency</dt>
            <dd>{invoice.currency}</dd>
          </dl>
        </section>

        <section className="mt-8">
          <InvoiceLinesTable lines={lines} currency={invoice.currency} totalMinor={invoice.totalMinor} paidMinor={invoice.paidMinor} />
        </section>

        {invoice.status === "open" && (
          <p className="mt-6 text-sm">
            Please pay <span className="font-semibold">{formatMoney(invoice.totalMinor - invoice.paidMinor, invoice.currency)}</span> by {formatDate(invoice.dueDate)}, quoting {invoice.number}.
          </p>
        )}
        {invoice.status === "void" && invoice.voidReason && <p className="mt-6 text-sm text-stone-600">This invoice was voided: {invoice.voidReason}</p>}
        {invoice.notes && <p className="mt-6 border-t border-stone-200 pt-4 text-sm whitespace-pre-line text-stone-700">{invoice.notes}</p>}
      </article>
    </div>
  );
}
