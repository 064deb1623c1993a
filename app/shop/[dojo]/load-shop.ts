import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { publicShop } from "@/lib/shop/public-shop";

/** The shop for this request (layout and page share one read); a closed shop is a 404. */
export const loadShop = cache(async (slug: string) => {
  const shop = await publicShop(await getDb(), slug);
  if (!shop) notFound();
  return shop;
});
