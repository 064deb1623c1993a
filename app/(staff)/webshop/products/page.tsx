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
  const addButton = (
    <Button asChild>
      <Link href="/webshop/products/new">
        <Plus className="size-4" aria-hidden />
        New product
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader title="Products" description={`${list.total} ${archived ? "archived " : ""}product${list.total === 1 ? "" : "s"}${q ? ` matching “${q}”` : ""}`} actions={addButton} />
      <Card>
        <Form action="/webshop/products" role="search" className="flex flex-col gap-2 border-b border-stone-100 p-3 sm:flex-row sm:items-center">
          <div className="relative sm:max-w-sm sm:flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-stone-400" aria-hidden />
            <Input name="q" type="search" defaultValue={q} placeholder="Name or category" aria-label="Search products" className="pl-9" />
          </div>
          <Select name="show" defaultValue={archived ? "archived" : ""} aria-label="Show" className="sm:w-44">
            <option value="">In the shop</option>
            <option value="archived">Archived</option>
          </Select>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </Form>
        {list.rows.length > 0 ? (
          <>
            <ProductList products={list.rows} />
            <Pagination page={list.page} pageSize={PAGE_SIZE} total={list.total} href={(page) => hrefWith("/webshop/products", current, { page })} />
          </>
        ) : q || archived || list.page > 1 ? (
          <EmptyState title="No products found" description={q ? `No product matches “${q}”.` : archived ? "No product is archived." : undefined} action={<Button asChild variant="secondary"><Link href="/webshop/products">Show all products</Link></Button>} />
        ) : (
          <EmptyState title="No products yet" description="Add what you sell (gis, belts, gloves, books...) with a price and, if you like, a picture and a stock count." action={addButton} />
        )}
      </Card>
    </>
  );
}
