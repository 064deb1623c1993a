import Form from "next/form";
import Link from "next/link";
import { Search } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { DownloadLink } from "@/components/ui/download-link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { hrefWith, PAGE_SIZE, pageFrom, paramOf } from "@/lib/pagination";
import { listOrders, ORDER_FILTER_LABELS } from "@/lib/shop/orders";
import { orderStatusFilter } from "@/lib/shop/schemas";
import { ConfirmOrderButtons } from "./confirm-order-buttons";
import { OrderStatusBadge, PAYMENT_LABELS } from "./order-status-badge";

export const metadata = { title: "Orders" };

const TO_CONFIRM_SHOWN = 5;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("shop");
  const params = await searchParams;
  const q = paramOf(params, "q");
  const status = orderStatusFilter.safeParse(paramOf(params, "status")).data ?? null;
  const db = await getDb();
  const list = await listOrders(db, dojo.id, { q, status, page: pageFrom(params) });
  // The first page of the unfiltered list leads with what needs staff: orders to confirm, soonest-expiring first.
  const showToConfirm = !q && !status && pageFrom(params) === 1;
  const toConfirm = showToConfirm ? await listOrders(db, dojo.id, { status: "to_confirm", pageSize: TO_CONFIRM_SHOWN }) : null;
  const current = { q, status: status ?? undefined };
  return (
    <>
      <PageHeader title="Orders" description={`${list.total} order${list.total === 1 ? "" : "s"}${status ? ` · ${ORDER_FILTER_LABELS[status].toLowerCase()}` : ""}${q ? ` matching “${q}”` : ""}`} actions={<DownloadLink href="/webshop/orders/export">Export CSV</DownloadLink>} />
      {toConfirm && toConfirm.total > 0 && (
        <Card className="mb-4">
          <CardHeader
            title="To confirm"
            description={`${toConfirm.total} pay-at-the-dojo order${toConfirm.total === 1 ? "" : "s"} waiting. Confirming issues the invoice; unconfirmed orders are cancelled when their hold ends and the items go back on sale.`}
          />
          <ul className="divide-y divide-stone-100" aria-label="Orders to confirm">
            {toConfirm.rows.map((o) => (
              <li key={o.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <span className="min-w-0">
                  <Link href={`/webshop/orders/${o.id}`} className="font-medium text-stone-900 hover:text-brand-700 hover:underline">
                    #{o.number} · {o.buyerName}
                  </Link>
                  <span className="block text-sm text-stone-500">
                    {formatMoney(o.totalMinor, o.currency)} · {o.reservedUntil ? `held until ${formatDate(o.reservedUntil, dojo.timeZone)}` : "held"}
                  </span>
                </span>
                <ConfirmOrderButtons id={o.id} number={o.number} total={formatMoney(o.totalMinor, o.currency)} heldUntil={o.reservedUntil ? formatDate(o.reservedUntil, dojo.timeZone) : null} size="sm" />
              </li>
            ))}
          </ul>
          {toConfirm.total > toConfirm.rows.length && (
            <div className="border-t border-stone-100 px-4 py-3 text-sm">
              <Link href="/webshop/orders?status=to_confirm" className="text-brand-700 hover:underline">
                Show all {toConfirm.total} orders to confirm
              </Link>
            </div>
          )}
        </Card>
      )}
      <Card>
        <Form action="/webshop/orders" role="search" className="flex flex-col gap-2 border-b border-stone-100 p-3 sm:flex-row sm:items-center">
          <div className="relative sm:max-w-sm sm:flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-stone-400" aria-hidden />
            <Input name="q" type="search" defaultValue={q} placeholder="Buyer, e-mail or order number" aria-label="Search orders" className="pl-9" />
          </div>
          <Select name="status" defaultValue={status ?? ""} aria-label="Status" className="sm:w-44">
            <option value="">All orders</option>
            {Object.entries(ORDER_FILTER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </Form>
        {list.rows.length === 0 ? (
          q || status ? (
            <EmptyState title="No orders found" action={<Button asChild variant="secondary"><Link href="/webshop/orders">Show all orders</Link></Button>} />
          ) : (
            <EmptyState title="No orders yet" description={<>Orders placed in your shop appear here. <Link href="/webshop/settings" className="text-brand-700 hover:underline">Shop settings</Link></>} />
          )
        ) : (
          <>
            <div className="hidden sm:block">
              <Table>
                <thead>
                  <tr>
                    <Th>Order</Th>
                    <Th>Buyer</Th>
                    <Th>Date</Th>
                    <Th>Payment</Th>
                    <Th>Status</Th>
                    <Th className="text-right">Total</Th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((o) => (
                    <tr key={o.id} className="hover:bg-stone-50">
                      <Td>
                        <Link href={`/webshop/orders/${o.id}`} className="font-medium text-stone-900 hover:text-brand-700 hover:underline">
                          #{o.number}
                        </Link>
                      </Td>
                      <Td className="max-w-56 truncate">{o.buyerName}</Td>
                      <Td className="text-stone-600">{formatDate(o.createdAt, dojo.timeZone)}</Td>
                      <Td className="text-stone-600">{PAYMENT_LABELS[o.payment]}</Td>
                      <Td>
                        <OrderStatusBadge order={o} />
                      </Td>
                      <Td className="text-right tabular-nums">{formatMoney(o.totalMinor, o.currency)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
            <ul className="divide-y divide-stone-100 sm:hidden">
              {list.rows.map((o) => (
                <li key={o.id}>
                  <Link href={`/webshop/orders/${o.id}`} className="block px-4 py-3 hover:bg-stone-50">
                    <span className="flex items-center justify-between gap-3">
                      <span className="font-medium text-stone-900">
                        #{o.number} · {o.buyerName}
                      </span>
                      <OrderStatusBadge order={o} />
                    </span>
                    <span className="mt-0.5 block text-sm text-stone-500">
                      {formatDate(o.createdAt, dojo.timeZone)} · {PAYMENT_LABELS[o.payment]} · {formatMoney(o.totalMinor, o.currency)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <Pagination page={list.page} pageSize={PAGE_SIZE} total={list.total} href={(page) => hrefWith("/webshop/orders", current, { page })} />
          </>
        )}
      </Card>
    </>
  );
}
