import Image from "next/image";
import { Package } from "lucide-react";
import { productImageUrl } from "@/lib/shop/image";
import type { PublicProduct } from "@/lib/shop/public-shop";

/** A square picture, resized by next/image to what the layout needs; a calm placeholder without one. */
export function ProductImage({ product, sizes, priority }: { product: PublicProduct; sizes: string; priority?: boolean }) {
  return (
    <div className="relative aspect-square overflow-hidden rounded-lg bg-stone-100">
      {product.hasImage ? (
        <Image src={productImageUrl(product.id, product.updatedAt)} alt={product.name} fill sizes={sizes} priority={priority} className="object-cover" />
      ) : (
        <div className="flex size-full items-center justify-center text-stone-300">
          <Package className="size-12" aria-hidden />
        </div>
      )}
    </div>
  );
}
