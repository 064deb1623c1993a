import type { Metadata } from "next";
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
import { listOrders } from "@/lib/shop/orders";
import { moneyLocale } from "@/lib/i18n/locales";
import { staffLocale } from "@/lib/i18n/staff-session";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { orderStatusFilter } from "@/lib/shop/schemas";
import { ConfirmOrderButtons } from "./confirm-order-buttons";
import { OrderStatusBadge } from "./order-status-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: staffTranslator(await staffLocale(), "staff.webshop.orders")("title") };
}

const TO_CONFIRM_SHOWN = 5;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("shop");
  const params = await searchParams;
  const q = paramOf(params, "q");
  const status = orderStatusFilter.safeParse(paramOf(params, "status")).data ?? null;
  const db = await getDb();
  // The first page of the unfiltered list leads with what needs staff: orders to confirm, soonest-expiring first.
  const showToConfirm = !q && !status && pageFrom(params) === 1;
  const [list, toConfirm] = await Promise.all([
    listOrders(db, dojo.id, { q, status, page: pageFrom(params) }),
    showToConfirm ? listOrders(db, dojo.id, { status: "to_confirm", pageSize: TO_CONFIRM_SHOWN }) : null,
  ]);
  const current = { q, status: status ?? undefined };
  const locale = await staffLocale();
  const t = staffTranslator(locale, "staff.webshop.orders");
  const money = (minor: number, currency: string) => formatMoney(minor, currency, moneyLocale(locale));
  const date = (value: Date) => formatDate(value, dojo.timeZone, locale);
  const filtered = status ? `${t("count", { n: list.total })} · ${t(`statuses.${status}`).toLowerCase()}` : t("count", { n: list.total });
  return (
    <>
      <PageHeader title={t("title")} description={q ? t("matching", { count: filtered, q }) : filtered} actions={<DownloadLink href="/webshop/orders/export">{t("export")}</DownloadLink>} />
      {toConfirm && toConfirm.total > 0 && (
        <Card className="mb-4">
          <CardHeader
            title={t("toConfirm")}
            description={t("toConfirmDescription", { n: toConfirm.total })}
          />
          <ul className="divide-y divide-stone-100" aria-label={t("toConfirmList")}>
            {toConfirm.rows.map((o) => (
              <li key={o.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <span className="min-w-0">
                  <Link href={`/webshop/orders/${o.id}`} className="font-medium text-stone-900 hover:text-brand-700 hover:underline">
                    #{o.number} · {o.buyerName}
                  </Link>
                  <span className="block text-sm text-stone-500">
                    {money(o.totalMinor, o.currency)} · {o.reservedUntil ? t("heldUntil", { date: date(o.reservedUntil) }) : t("held")}
                  </span>
                </span>
                <ConfirmOrderButtons id={o.id} number={o.number} total={money(o.totalMinor, o.currency)} heldUntil={o.reservedUntil ? date(o.reservedUntil) : null} size="sm" />
              </li>
            ))}
          </ul>
          {toConfirm.total > toConfirm.rows.length && (
            <div className="border-t border-stone-100 px-4 py-3 text-sm">
              <Link href="/webshop/orders?status=to_confirm" className="text-brand-700 hover:underline">
                {t("showAllToConfirm", { n: toConfirm.total })}
              </Link>
            </div>
          )}
        </Card>
      )}
      <Card>
        <Form action="/webshop/orders" role="search" className="flex flex-col gap-2 border-b border-stone-100 p-3 sm:flex-row sm:items-center">
          <div className="relative sm:max-w-sm sm:flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-stone-400" aria-hidden />
            <Input name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} aria-label={t("searchLabel")} className="pl-9" />
          </div>
          <Select name="status" defaultValue={status ?? ""} aria-label={t("status")} className="sm:w-44">
            <option value="">{t("all")}</option>
            {orderStatusFilter.options.map((value) => (
              <option key={value} value={value}>
                {t(`statuses.${value}`)}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            {t("search")}
          </Button>
        </Form>
        {list.rows.length === 0 ? (
          q || status ? (
            <EmptyState title={t("noneFound")} action={<Button asChild variant="secondary"><Link href="/webshop/orders">{t("showAll")}</Link></Button>} />
          ) : (
            <EmptyState
              title={t("empty")}
              description={t.rich("emptyDescription", {
                link: (chunks) => (
                  <Link href="/webshop/settings" className="text-brand-700 hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            />
          )
        ) : (
          <>
            <div className="hidden sm:block">
              <Table>
                <thead>
                  <tr>
                    <Th>{t("order")}</Th>
                    <Th>{t("buyer")}</Th>
                    <Th>{t("date")}</Th>
                    <Th>{t("payment")}</Th>
                    <Th>{t("status")}</Th>
                    <Th className="text-right">{t("total")}</Th>
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
                      <Td className="text-stone-600">{date(o.createdAt)}</Td>
                      <Td className="text-stone-600">{t(`payments.${o.payment}`)}</Td>
                      <Td>
                        <OrderStatusBadge order={o} locale={locale} />
                      </Td>
                      <Td className="text-right tabular-nums">{money(o.totalMinor, o.currency)}</Td>
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
                      <OrderStatusBadge order={o} locale={locale} />
                    </span>
                    <span className="mt-0.5 block text-sm text-stone-500">
                      {date(o.createdAt)} · {t(`payments.${o.payment}`)} · {money(o.totalMinor, o.currency)}
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
