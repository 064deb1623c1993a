import Image from "next/image";
import { Package } from "lucide-react";
import { productImageUrl } from "@/lib/shop/image";
import type { PublicProduct } from "@/lib/shop/public-shop";

export function ProductThumb({ product }: { product: Pick<PublicProduct, "id" | "hasImage" | "updatedAt"> }) {
  if (!product.hasImage) {
    return (
      <span className="flex size-16 shrink-0 items-center justify-center rounded-md bg-stone-100 text-stone-300">
        <Package className="size-6" aria-hidden />
      </span>
    );
  }
  return <Image src={productImageUrl(product.id, product.updatedAt)} alt="" width={64} height={64} className="size-16 shrink-0 rounded-md object-cover" />;
}
