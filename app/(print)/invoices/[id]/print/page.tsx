import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/session";
import { FileDown } from "lucide-react";
import { SellerBlock } from "@/components/invoices/seller-block";
import { Button } from "@/components/ui/button";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { invoiceDocument } from "@/lib/invoices/document";
import { invoiceDocumentText } from "@/lib/invoices/document-text";
import { memberLocale } from "@/lib/i18n/member-locale";
import { staffT } from "@/lib/i18n/staff-session";
import { InvoiceLinesTable } from "@/app/(staff)/invoices/invoice-lines-table";
import { PrintButton } from "./print-button";

// Lives outside the (staff) group so the page has no app chrome: it is the document itself, in
// the language of the member it is for; the buttons above it are the staff member's.
type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dojo } = await requireStaffPage("invoices");
  const db = await getDb();
  const detail = await getInvoice(db, dojo.id, (await params).id);
  if (!detail) return {};
  const { t } = invoiceDocumentText(await memberLocale(db, dojo.id, detail.invoice.memberId));
  return { title: detail.invoice.number ? t("titleNumber", { number: detail.invoice.number }) : t("draftTitle") };
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
  const doc = await invoiceDocument(await getDb(), dojo.id, (await params).id);
  if (!doc) notFound();
  const staff = await staffT("staff.invoices.print");
  const text = invoiceDocumentText(doc.locale);
  const { t } = text;
  const money = (minor: number) => text.money(minor, doc.currency);
  const date = (value: string | Date) => text.date(value, doc.seller.timeZone);
  const stamp = doc.status === "open" ? null : t(`stamp.${doc.status}`);
  const bank = text.bankLines(doc.seller);

  return (
    <div className="min-h-dvh bg-stone-100 px-3 py-6 print:bg-white print:p-0">
      <style>{PRINT_CSS}</style>
      <div className="no-print mx-auto mb-4 flex max-w-3xl flex-wrap items-center justify-between gap-3">
        <Link href={`/invoices/${doc.id}`} className="text-sm text-brand-700 hover:underline">
          {staff("back")}
        </Link>
        <div className="flex gap-2">
          <Button asChild variant="secondary">
            <a href={`/invoices/${doc.id}/pdf`} download>
              <FileDown className="size-4" aria-hidden /> {staff("pdf")}
            </a>
          </Button>
          <PrintButton label={staff("print")} />
        </div>
      </div>
      <article lang={doc.locale} className="invoice-sheet mx-auto max-w-3xl rounded-lg border border-stone-200 bg-white p-6 text-stone-900 shadow-sm sm:p-10">
        <header className="flex flex-wrap items-start justify-between gap-6">
          <SellerBlock seller={doc.seller} text={text} />
          <div className="text-right">
            <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
            <p className="mt-1 font-mono text-sm">{doc.number ?? "—"}</p>
            {stamp && <p className="mt-2 inline-block rounded border-2 border-current px-2 py-0.5 text-sm font-bold tracking-widest text-stone-600 uppercase">{stamp}</p>}
          </div>
        </header>

        <section className="mt-8 grid gap-6 sm:grid-cols-2">
          <div>
            <h2 className="text-xs font-semibold tracking-wide text-stone-500 uppercase">{t("billTo")}</h2>
            <p className="mt-1 font-medium">{doc.buyer.name}</p>
            {doc.buyer.address && <p className="text-sm whitespace-pre-line">{doc.buyer.address}</p>}
            {doc.buyer.email && <p className="text-sm">{doc.buyer.email}</p>}
            <p className="text-sm text-stone-500">{t("member", { uid: doc.buyer.uid })}</p>
          </div>
          <dl className="grid grid-cols-[auto_1fr] content-start gap-x-4 gap-y-1 text-sm sm:justify-self-end">
            <dt className="text-stone-500">{t("invoiceDate")}</dt>
            <dd>{date(doc.issueDate)}</dd>
            <dt className="text-stone-500">{t("dueDate")}</dt>
            <dd>{date(doc.dueDate)}</dd>
            <dt className="text-stone-500">{t("currency")}</dt>
            <dd>{doc.currency}</dd>
          </dl>
        </section>

        <section className="mt-8">
          <InvoiceLinesTable lines={doc.lines} currency={doc.currency} totalMinor={doc.totalMinor} paidMinor={0} locale={doc.locale} />
        </section>

        {/* Every payment and refund, then what is still open: what a bookkeeper reconciles against. */}
        <section className="mt-4 ml-auto max-w-sm pr-3 text-sm" aria-label={t("paymentsAndRefunds")}>
          <dl className="space-y-1">
            {doc.payments.map((p) => (
              <div key={p.id} className="flex justify-between gap-4 text-stone-600">
                <dt>
                  {t("paidOn", { date: date(p.paidAt), method: t(`method.${p.method}`) })}
                </dt>
                <dd className="tabular-nums">−{money(p.amountMinor)}</dd>
              </div>
            ))}
            {doc.refunds.map((r) => (
              <div key={r.id} className="flex justify-between gap-4 text-stone-600">
                <dt>{t("refundedOn", { date: date(r.refundedAt) })}</dt>
                <dd className="tabular-nums">{money(r.amountMinor)}</dd>
              </div>
            ))}
            {doc.disputes.map((d) => (
              <div key={`${d.id}-disputed`} className="flex justify-between gap-4 text-stone-600">
                <dt>{t("returnedOn", { date: date(d.disputedAt) })}</dt>
                <dd className="tabular-nums">{money(d.amountMinor)}</dd>
              </div>
            ))}
            {doc.status !== "void" && (
              <div className="flex justify-between gap-4 border-t border-stone-300 pt-1 font-semibold">
                <dt>{t("openAmount")}</dt>
                <dd className="tabular-nums" data-testid="open-amount">
                  {money(doc.openMinor)}
                </dd>
              </div>
            )}
          </dl>
        </section>

        {doc.status === "open" && (
          <p className="mt-6 text-sm">
            {t.rich(doc.number ? "pleasePay" : "pleasePayDraft", {
              amount: money(doc.openMinor),
              date: date(doc.dueDate),
              number: doc.number ?? "",
              strong: (chunks) => <span className="font-semibold">{chunks}</span>,
            })}
          </p>
        )}
        {doc.status === "void" && doc.voidReason && <p className="mt-6 text-sm text-stone-600">{t("voided", { reason: doc.voidReason })}</p>}
        {doc.notes && <p className="mt-6 border-t border-stone-200 pt-4 text-sm whitespace-pre-line text-stone-700">{doc.notes}</p>}
        {bank.length > 0 && (
          <section className="mt-6 text-sm">
            <h2 className="text-xs font-semibold tracking-wide text-stone-500 uppercase">{t("bankDetails")}</h2>
            {bank.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </section>
        )}
        {doc.seller.invoiceFooter && <footer className="mt-8 border-t border-stone-200 pt-3 text-xs whitespace-pre-line text-stone-500">{doc.seller.invoiceFooter}</footer>}
      </article>
    </div>
  );
}
