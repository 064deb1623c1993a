import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/action-result";
import { requireStaffPage } from "@/lib/auth/session";
import { toMajorString } from "@/lib/money";
import { productImageUrl } from "@/lib/shop/image";
import { staffT } from "@/lib/i18n/staff-session";
import { getProduct } from "@/lib/shop/products";
import { ArchiveButton } from "./archive-button";
import { ProductForm } from "../product-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.webshop.product"))("metaTitle") };
}

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { dojo } = await requireStaffPage("shop");
  const { id } = await params;
  const product = await getProduct(await getDb(), dojo.id, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await staffT("staff.webshop.product");
  return (
    <>
      <Link href="/webshop/products" className="mb-3 inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
        <ChevronLeft className="size-4" aria-hidden /> {t("allProducts")}
      </Link>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            {product.name} {!product.active && <Badge>{t("archivedBadge")}</Badge>}
          </span>
        }
        actions={<ArchiveButton id={product.id} active={product.active} name={product.name} />}
      />
      <Card>
        <CardBody>
          <ProductForm
            currency={product.currency}
            product={{
              id: product.id,
              name: product.name,
              description: product.description ?? "",
              price: toMajorString(product.priceMinor, product.currency),
              category: product.category ?? "",
              stock: product.stock === null ? "" : String(product.stock),
              active: product.active,
              imageUrl: product.hasImage ? productImageUrl(product.id, product.updatedAt) : null,
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
