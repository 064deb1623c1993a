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
import { ConfirmOrderButtons } from "../confirm-order-buttons";
import { OrderStatusBadge, PAYMENT_LABELS } from "../order-status-badge";
import { OrderButtons } from "./order-buttons";

export const metadata = { title: "Order" };


export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { dojo } = await requireStaffPage("shop");
  const { id } = await params;
  const { order, invoice, lines } = await getOrder(await getDb(), dojo.id, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const money = (minor: number) => formatMoney(minor, order.currency);
  const unconfirmed = awaitsConfirmation(order);
  const canFulfil = order.status === "paid" || (order.status === "pending" && order.payment === "at_dojo");
  const canCancel = order.status !== "cancelled";
  const facts: [string, React.ReactNode][] = [
    ["Buyer", order.buyerName],
    ["E-mail", <a key="e" href={`mailto:${order.buyerEmail}`} className="text-brand-700 hover:underline">{order.buyerEmail}</a>],
    ["Phone", order.buyerPhone ?? "—"],
    ["Member", order.memberId ? <Link key="m" href={`/members/${order.memberId}`} className="text-brand-700 hover:underline">Open member</Link> : "Not signed in"],
    ["Payment", PAYMENT_LABELS[order.payment]],
    ["Invoice", invoice ? <Link key="i" href={`/invoices/${invoice.id}`} className="text-brand-700 hover:underline">{invoice.number} ({invoice.status})</Link> : unconfirmed ? "Issued when you confirm the order" : "—"],
    ...(unconfirmed && order.reservedUntil ? ([["Held until", `${formatDateTime(order.reservedUntil, dojo.timeZone)} · then cancelled and back on sale unless confirmed`]] as [string, React.ReactNode][]) : []),
    ...(order.confirmedAt && order.payment === "at_dojo" ? ([["Confirmed", formatDateTime(order.confirmedAt, dojo.timeZone)]] as [string, React.ReactNode][]) : []),
    ["Placed", formatDateTime(order.createdAt, dojo.timeZone)],
    ...(order.paidAt ? ([["Paid", formatDateTime(order.paidAt, dojo.timeZone)]] as [string, React.ReactNode][]) : []),
    ...(order.fulfilledAt ? ([["Fulfilled", formatDateTime(order.fulfilledAt, dojo.timeZone)]] as [string, React.ReactNode][]) : []),
    ...(order.cancelledAt ? ([["Cancelled", `${formatDateTime(order.cancelledAt, dojo.timeZone)}${order.cancelReason ? ` · ${order.cancelReason}` : ""}`]] as [string, React.ReactNode][]) : []),
    ...(order.refundedMinor > 0 ? ([["Refunded", money(order.refundedMinor)]] as [string, React.ReactNode][]) : []),
  ];
  return (
    <div className="max-w-3xl">
      <Link href="/webshop/orders" className="mb-3 inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
        <ChevronLeft className="size-4" aria-hidden /> All orders
      </Link>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            Order #{order.number} <OrderStatusBadge order={order} />
          </span>
        }
        description={
          isAbandoned(order)
            ? "The buyer left Stripe Checkout without paying; nothing is held for this order."
            : unconfirmed && order.reservedUntil
              ? `Pay at the dojo: confirm it to issue the invoice. Unconfirmed, it is cancelled on ${formatDate(order.reservedUntil, dojo.timeZone)} and the items go back on sale.`
              : undefined
        }
        actions={
          unconfirmed ? (
            <ConfirmOrderButtons id={order.id} number={order.number} total={money(order.totalMinor)} heldUntil={order.reservedUntil ? formatDate(order.reservedUntil, dojo.timeZone) : null} />
          ) : (
            <OrderButtons id={order.id} number={order.number} canFulfil={canFulfil} canCancel={canCancel} refund={order.status !== "pending" && order.payment === "card" ? money(order.totalMinor - order.refundedMinor) : null} />
          )
        }
      />
      <div className="space-y-4">
        <Card>
          <CardHeader title="Items" />
          <Table>
            <thead>
              <tr>
                <Th>Product</Th>
                <Th className="text-right">Qty</Th>
                <Th className="text-right">Price</Th>
                <Th className="text-right">Amount</Th>
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
                  Total
                </Td>
                <Td className="text-right font-semibold tabular-nums">{money(order.totalMinor)}</Td>
              </tr>
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Details" />
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
