import Link from "next/link";
import { ImageOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import { moneyLocale } from "@/lib/i18n/locales";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import type { Translate } from "@/lib/i18n/messages";
import { productImageUrl } from "@/lib/shop/image";
import type { ProductSummary } from "@/lib/shop/products";

function Thumb({ product }: { product: ProductSummary }) {
  if (!product.hasImage) {
    return (
      <span className="flex size-10 shrink-0 items-center justify-center rounded-md bg-stone-100 text-stone-400">
        <ImageOff className="size-4" aria-hidden />
      </span>
    );
  }
  // eslint-disable-next-line @next/next/no-img-element -- a 40px thumbnail served with long caching by our own route
  return <img src={productImageUrl(product.id, product.updatedAt)} alt="" width={40} height={40} loading="lazy" className="size-10 shrink-0 rounded-md object-cover" />;
}

function StockBadge({ stock, label, t }: { stock: number | null; label?: boolean; t: Translate }) {
  if (stock === null) return <span className="text-stone-500">{t("unlimited")}</span>;
  if (stock === 0) return <Badge tone="red">{t("soldOut")}</Badge>;
  return <span className={stock < 3 ? "font-medium text-amber-700" : undefined}>{label ? t("inStockCount", { n: stock }) : stock}</span>;
}

/** Products as a table on wide screens and a stack on phones. */
export function ProductList({ products, locale }: { products: ProductSummary[]; locale: StaffLocale }) {
  const t = staffTranslator(locale, "staff.webshop.products");
  const money = (p: ProductSummary) => formatMoney(p.priceMinor, p.currency, moneyLocale(locale));
  return (
    <>
      <div className="hidden sm:block">
        <Table>
          <thead>
            <tr>
              <Th>{t("product")}</Th>
              <Th>{t("category")}</Th>
              <Th className="text-right">{t("price")}</Th>
              <Th className="text-right">{t("inStock")}</Th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id} className="hover:bg-stone-50">
                <Td>
                  <Link href={`/webshop/products/${p.id}`} className="flex items-center gap-3 font-medium text-stone-900 hover:text-brand-700 hover:underline">
                    <Thumb product={p} />
                    {p.name}
                  </Link>
                </Td>
                <Td className="text-stone-600">{p.category ?? <span className="text-stone-400">—</span>}</Td>
                <Td className="text-right tabular-nums">{money(p)}</Td>
                <Td className="text-right tabular-nums">
                  <StockBadge stock={p.stock} t={t} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <ul className="divide-y divide-stone-100 sm:hidden">
        {products.map((p) => (
          <li key={p.id}>
            <Link href={`/webshop/products/${p.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-stone-50">
              <Thumb product={p} />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-stone-900">{p.name}</span>
                <span className="block text-sm text-stone-500">
                  {money(p)}
                  {p.category ? ` · ${p.category}` : ""}
                </span>
              </span>
              <span className="text-sm whitespace-nowrap">
                <StockBadge stock={p.stock} label t={t} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
