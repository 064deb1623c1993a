import { getImageProps } from "next/image";
import { preload } from "react-dom";
import { Package } from "lucide-react";
import { productImageUrl } from "@/lib/shop/image";
import type { PublicProduct } from "@/lib/shop/public-shop";

/**
 * A square picture, resized by next/image to what the layout needs; a calm placeholder without one.
 * A plain <img> with next/image's attributes (srcset, sizes, lazy or eager loading) rendered on the
 * server: the <Image> component would add its client code (3.6 kB gzip) to the shop's first load for
 * a picture that needs none. A `priority` picture is preloaded as <Image> does.
 */
export function ProductImage({ product, sizes, priority }: { product: PublicProduct; sizes: string; priority?: boolean }) {
  if (!product.hasImage) {
    return (
      <div className="relative aspect-square overflow-hidden rounded-lg bg-stone-100">
        <div className="flex size-full items-center justify-center text-stone-300">
          <Package className="size-12" aria-hidden />
        </div>
      </div>
    );
  }
  const { props } = getImageProps({ src: productImageUrl(product.id, product.updatedAt), alt: product.name, fill: true, sizes, priority, className: "object-cover" });
  if (priority) preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  return (
    <div className="relative aspect-square overflow-hidden rounded-lg bg-stone-100">
      {/* eslint-disable-next-line @next/next/no-img-element -- next/image's own attributes, without its client code (above) */}
      <img {...props} alt={product.name} />
    </div>
  );
}
