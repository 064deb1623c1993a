import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { NotFoundError } from "@/lib/action-result";
import { requireStaffPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { formatDate, formatDateTime } from "@/lib/dates";
import { awaitsConfirmation } from "@/lib/shop/at-dojo-orders";
import { getOrder, isAbandoned } from "@/lib/shop/orders";
import { moneyLocale } from "@/lib/i18n/locales";
import { staffLocale } from "@/lib/i18n/staff-session";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { ConfirmOrderButtons } from "../confirm-order-buttons";
import { OrderStatusBadge } from "../order-status-badge";
import { OrderButtons } from "./order-buttons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: staffTranslator(await staffLocale(), "staff.webshop.order")("metaTitle") };
}


export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { dojo } = await requireStaffPage("shop");
  const { id } = await params;
  const { order, invoice, lines } = await getOrder(await getDb(), dojo.id, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const locale = await staffLocale();
  const t = staffTranslator(locale, "staff.webshop.order");
  const payments = staffTranslator(locale, "staff.webshop.orders.payments");
  const money = (minor: number) => formatMoney(minor, order.currency, moneyLocale(locale));
  const at = (moment: Date) => formatDateTime(moment, dojo.timeZone, locale);
  const unconfirmed = awaitsConfirmation(order);
  const canFulfil = order.status === "paid" || (order.status === "pending" && order.payment === "at_dojo");
  const canCancel = order.status !== "cancelled";
  const facts: [string, React.ReactNode][] = [
    [t("buyer"), order.buyerName],
    [t("email"), <a key="e" href={`mailto:${order.buyerEmail}`} className="text-brand-700 hover:underline">{order.buyerEmail}</a>],
    [t("phone"), order.buyerPhone ?? "—"],
    [t("member"), order.memberId ? <Link key="m" href={`/members/${order.memberId}`} className="text-brand-700 hover:underline">{t("openMember")}</Link> : t("notSignedIn")],
    [t("payment"), payments(order.payment)],
    [t("invoice"), invoice ? <Link key="i" href={`/invoices/${invoice.id}`} className="text-brand-700 hover:underline">{t("invoiceValue", { number: invoice.number ?? "", status: t(`invoiceStatuses.${invoice.status}`) })}</Link> : unconfirmed ? t("issuedOnConfirm") : "—"],
    ...(unconfirmed && order.reservedUntil ? ([[t("heldUntil"), t("heldUntilValue", { date: at(order.reservedUntil) })]] as [string, React.ReactNode][]) : []),
    ...(order.confirmedAt && order.payment === "at_dojo" ? ([[t("confirmed"), at(order.confirmedAt)]] as [string, React.ReactNode][]) : []),
    [t("placed"), at(order.createdAt)],
    ...(order.paidAt ? ([[t("paid"), at(order.paidAt)]] as [string, React.ReactNode][]) : []),
    ...(order.fulfilledAt ? ([[t("fulfilled"), at(order.fulfilledAt)]] as [string, React.ReactNode][]) : []),
    ...(order.cancelledAt ? ([[t("cancelled"), `${at(order.cancelledAt)}${order.cancelReason ? ` · ${order.cancelReason}` : ""}`]] as [string, React.ReactNode][]) : []),
    ...(order.refundedMinor > 0 ? ([[t("refunded"), money(order.refundedMinor)]] as [string, React.ReactNode][]) : []),
  ];
  return (
    <div className="max-w-3xl">
      <Link href="/webshop/orders" className="mb-3 inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
        <ChevronLeft className="size-4" aria-hidden /> {t("allOrders")}
      </Link>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {t("title", { number: order.number })} <OrderStatusBadge order={order} locale={locale} />
          </span>
        }
        description={
          isAbandoned(order)
            ? t("abandoned")
            : unconfirmed && order.reservedUntil
              ? t("unconfirmed", { date: formatDate(order.reservedUntil, dojo.timeZone, locale) })
              : undefined
        }
        actions={
          unconfirmed ? (
            <ConfirmOrderButtons id={order.id} number={order.number} total={money(order.totalMinor)} heldUntil={order.reservedUntil ? formatDate(order.reservedUntil, dojo.timeZone, locale) : null} />
          ) : (
            <OrderButtons id={order.id} number={order.number} canFulfil={canFulfil} canCancel={canCancel} refund={order.status !== "pending" && order.payment === "card" ? money(order.totalMinor - order.refundedMinor) : null} />
          )
        }
      />
      <div className="space-y-4">
        <Card>
          <CardHeader title={t("items")} />
          <Table>
            <thead>
              <tr>
                <Th>{t("product")}</Th>
                <Th className="text-right">{t("qty")}</Th>
                <Th className="text-right">{t("price")}</Th>
                <Th className="text-right">{t("amount")}</Th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.position}>
                  <Td>{l.name}</Td>
                  <Td className="text-right tabular-nums">{l.quantity}</Td>
                  <Td className="text-right tabular-nums">{money(l.unitPriceMinor)}</Td>
                  <Td className="text-right tabular-nums">{money(l.unitPriceMinor * l.quantity)}</Td>
                </tr>
              ))}
              <tr>
                <Td colSpan={3} className="text-right font-semibold">
                  {t("total")}
                </Td>
                <Td className="text-right font-semibold tabular-nums">{money(order.totalMinor)}</Td>
              </tr>
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title={t("details")} />
          <CardBody>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-stone-500">{label}</dt>
                  <dd className="text-stone-900">{value}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
