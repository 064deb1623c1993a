import Link from "next/link";
import { ImageOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
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

function StockBadge({ stock, label }: { stock: number | null; label?: boolean }) {
  if (stock === null) return <span className="text-stone-500">Unlimited</span>;
  if (stock === 0) return <Badge tone="red">Sold out</Badge>;
  return <span className={stock < 3 ? "font-medium text-amber-700" : undefined}>{label ? `${stock} in stock` : stock}</span>;
}

/** Products as a table on wide screens and a stack on phones. */
export function ProductList({ products }: { products: ProductSummary[] }) {
  return (
    <>
      <div className="hidden sm:block">
        <Table>
          <thead>
            <tr>
              <Th>Product</Th>
              <Th>Category</Th>
              <Th className="text-right">Price</Th>
              <Th className="text-right">In stock</Th>
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
                <Td className="text-right tabular-nums">{formatMoney(p.priceMinor, p.currency)}</Td>
                <Td className="text-right tabular-nums">
                  <StockBadge stock={p.stock} />
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
                  {formatMoney(p.priceMinor, p.currency)}
                  {p.category ? ` · ${p.category}` : ""}
                </span>
              </span>
              <span className="text-sm whitespace-nowrap">
                <StockBadge stock={p.stock} label />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
