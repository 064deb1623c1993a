import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, FileDown } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { getSeller } from "@/lib/dojos/profile";
import { requireMemberPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { moneyLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { getMemberInvoice } from "@/lib/portal/invoices";
import { fullName } from "@/lib/members/full-name";
import { portalScope } from "@/lib/portal/family-scope";
import { InvoiceStatusBadge } from "../../invoice-status";
import { pendingDelayedPayment } from "@/lib/payments/card/delayed-checkout";
import { PendingPaymentNotice } from "@/components/pending-payment-notice";
import { CheckoutReturn } from "../../checkout-return";
import { PaymentOptions } from "../../payment-options";
import { portalLocale, portalTitle } from "../../portal-locale";

export const generateMetadata = () => portalTitle("home.invoice");

export default async function PortalInvoicePage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const session = await requireMemberPage();
  const { dojo, member } = session;
  const locale = portalLocale(session);
  const t = translator(locale, "portal.invoice");
  const db = await getDb();
  const scope = await portalScope(db, dojo.id, member.id);
  const invoice = await getMemberInvoice(db, scope, (await params).id);
  if (!invoice) notFound();
  // The payer pays what is addressed to them (the family's invoices); a child's login reads only.
  const payable = scope.canPay && invoice.memberId === member.id;
  const addressee =
    scope.family?.members.find((m) => m.id === invoice.memberId)?.name ??
    fullName(member);
  const seller = await getSeller(db, dojo.id);
  const pending =
    invoice.status === "open"
      ? await pendingDelayedPayment(db, dojo.id, invoice.id)
      : null;
  const money = (minor: number) =>
    formatMoney(minor, invoice.currency, moneyLocale(locale));
  const date = (value: string | Date) =>
    formatDate(value, dojo.timeZone, locale);
  const refundWords = translator(locale, "");

  return (
    <IntlProvider locale={locale} namespaces={["portal", "components"]}>
      <div className="space-y-4">
        <Link
          href="/portal"
          className="no-print inline-flex items-center gap-1 text-sm text-brand-700 hover:underline"
        >
          <ArrowLeft className="size-4" aria-hidden /> {t("allInvoices")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            {t("title", { number: invoice.number ?? "" })}
          </h1>
          <InvoiceStatusBadge invoice={invoice} locale={locale} />
          <Button asChild variant="secondary" size="sm" className="ml-auto">
            {/* A route handler, not a page: a plain link so the browser downloads the file. */}
            <a href={`/portal/invoices/${invoice.id}/pdf`} download>
              <FileDown className="size-4" aria-hidden /> {t("downloadPdf")}
            </a>
          </Button>
        </div>

        <CheckoutReturn />
        {pending && <PendingPaymentNotice pending={pending} locale={locale} />}
        {invoice.status === "open" && payable && !pending && (
          <PaymentOptions
            invoice={invoice}
            dojoName={dojo.name}
            locale={locale}
          />
        )}
        {invoice.status === "open" && !payable && (
          <p className="text-sm text-stone-600">
            {scope.canPay
              ? t("addressedTo", { name: addressee })
              : scope.family
                ? t("payerPays", { payer: scope.family.payerName })
                : t("familyPayerPays")}
          </p>
        )}

        <Card>
          <CardBody>
            <dl className="grid grid-cols-2 gap-3 text-sm">
              <div>
                <dt className="text-stone-500">{t("issued")}</dt>
                <dd className="font-medium">{date(invoice.issueDate)}</dd>
              </div>
              <div>
                <dt className="text-stone-500">
                  {invoice.status === "paid" ? t("paid") : t("due")}
                </dt>
                <dd className="font-medium">
                  {date(
                    invoice.status === "paid" && invoice.paidAt
                      ? invoice.paidAt
                      : invoice.dueDate,
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-stone-500">{t("from")}</dt>
                <dd>
                  <span className="font-medium">
                    {seller.legalName ?? seller.name}
                  </span>
                  {seller.address && (
                    <span className="block whitespace-pre-line text-stone-600">
                      {seller.address}
                    </span>
                  )}
                  {seller.vatNumber && (
                    <span className="block text-stone-600">
                      {t("vatNumber", { number: seller.vatNumber })}
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-stone-500">{t("to")}</dt>
                <dd className="font-medium">
                  {invoice.familyId && scope.family
                    ? t("familyAddressee", {
                        name: addressee,
                        family: scope.family.name,
                      })
                    : addressee}
                </dd>
              </div>
            </dl>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title={t("items")} />
          <ul className="divide-y divide-stone-100">
            {invoice.lines.map((line) => (
              <li
                key={line.id}
                className="flex items-start justify-between gap-4 px-4 py-3 text-sm sm:px-5"
              >
                <div className="min-w-0">
                  <p className="font-medium break-words">{line.description}</p>
                  <p className="text-xs text-stone-500 tabular-nums">
                    {line.quantity} × {money(line.unitPriceMinor)}
                  </p>
                </div>
                <p className="font-medium tabular-nums">
                  {money(line.amountMinor)}
                </p>
              </li>
            ))}
          </ul>
          <dl className="space-y-1 border-t border-stone-200 px-4 py-3 text-sm sm:px-5">
            <div className="flex justify-between font-semibold">
              <dt>{t("total")}</dt>
              <dd className="tabular-nums">{money(invoice.totalMinor)}</dd>
            </div>
            {invoice.payments.map((p) => (
              <div key={p.id} className="flex justify-between text-stone-600">
                <dt>
                  {t("paidWith", {
                    date: date(p.paidAt),
                    method: t(`methods.${p.method}`),
                  })}
                </dt>
                <dd className="tabular-nums">−{money(p.amountMinor)}</dd>
              </div>
            ))}
            {invoice.payments
              .filter((p) => p.disputedMinor)
              .map((p) => (
                <div key={`${p.id}-disputed`} className="flex justify-between text-red-700" data-testid="payment-disputed">
                  <dt>{refundWords("disputedPayment.returned", { date: date(p.disputedAt ?? p.paidAt) })}</dt>
                  <dd className="tabular-nums">+{money(p.disputedMinor ?? 0)}</dd>
                </div>
              ))}
            {invoice.refundedMinor > 0 && (
              <div className="flex justify-between text-stone-600">
                <dt>{t("refunded")}</dt>
                <dd className="tabular-nums">{money(invoice.refundedMinor)}</dd>
              </div>
            )}
            {invoice.automaticRefunds.map((r) => (
              <p key={r.id} className="text-stone-600">
                {refundWords(
                  `portal.invoice.automaticRefund.${r.status === "refunded" ? (r.refundedAt ? "refundedOn" : "refunded") : r.status === "pending" ? "pending" : "byDojo"}`,
                  {
                    why: refundWords(
                      `emails.automaticRefund.reasons.${r.reason}`,
                    ),
                    amount: formatMoney(
                      r.amountMinor,
                      r.currency,
                      moneyLocale(locale),
                    ),
                    date: r.refundedAt ? date(r.refundedAt) : "",
                  },
                )}
              </p>
            ))}
            {invoice.status === "open" && (
              <div className="flex justify-between font-semibold text-amber-800">
                <dt>{t("stillToPay")}</dt>
                <dd className="tabular-nums">{money(invoice.openMinor)}</dd>
              </div>
            )}
          </dl>
        </Card>

        {invoice.notes && (
          <Card>
            <CardHeader title={t("notes")} />
            <CardBody>
              <p className="text-sm whitespace-pre-line text-stone-700">
                {invoice.notes}
              </p>
            </CardBody>
          </Card>
        )}
      </div>
    </IntlProvider>
  );
}
