import Form from "next/form";
import Link from "next/link";
import { Plus, Search } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireStaffPage } from "@/lib/auth/session";
import { staffLocale } from "@/lib/i18n/staff-session";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { hrefWith, PAGE_SIZE, pageFrom, paramOf } from "@/lib/pagination";
import { listProducts } from "@/lib/shop/products";
import { ProductList } from "../product-list";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("shop");
  const params = await searchParams;
  const q = paramOf(params, "q");
  const archived = paramOf(params, "show") === "archived";
  const list = await listProducts(await getDb(), dojo.id, { q, archived, page: pageFrom(params) });
  const current = { q, show: archived ? "archived" : undefined };
  const locale = await staffLocale();
  const t = staffTranslator(locale, "staff.webshop.products");
  const count = t(archived ? "countArchived" : "count", { n: list.total });
  const addButton = (
    <Button asChild>
      <Link href="/webshop/products/new">
        <Plus className="size-4" aria-hidden />
        {t("new")}
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader title={t("title")} description={q ? t("matching", { count, q }) : count} actions={addButton} />
      <Card>
        <Form action="/webshop/products" role="search" className="flex flex-col gap-2 border-b border-stone-100 p-3 sm:flex-row sm:items-center">
          <div className="relative sm:max-w-sm sm:flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-stone-400" aria-hidden />
            <Input name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} aria-label={t("searchLabel")} className="pl-9" />
          </div>
          <Select name="show" defaultValue={archived ? "archived" : ""} aria-label={t("show")} className="sm:w-44">
            <option value="">{t("inShop")}</option>
            <option value="archived">{t("archived")}</option>
          </Select>
          <Button type="submit" variant="secondary">
            {t("search")}
          </Button>
        </Form>
        {list.rows.length > 0 ? (
          <>
            <ProductList products={list.rows} locale={locale} />
            <Pagination page={list.page} pageSize={PAGE_SIZE} total={list.total} href={(page) => hrefWith("/webshop/products", current, { page })} />
          </>
        ) : q || archived || list.page > 1 ? (
          <EmptyState title={t("noneFound")} description={q ? t("noMatch", { q }) : archived ? t("noneArchived") : undefined} action={<Button asChild variant="secondary"><Link href="/webshop/products">{t("showAll")}</Link></Button>} />
        ) : (
          <EmptyState title={t("empty")} description={t("emptyDescription")} action={addButton} />
        )}
      </Card>
    </>
  );
}
