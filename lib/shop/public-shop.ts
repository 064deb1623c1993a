import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, shopProducts, type Dojo } from "@/db/schema";
import { idSchema } from "@/lib/validation/common";
import { availableOf, reservedQuantities } from "./availability";
import { productColumns, type ProductSummary } from "./products";
import { getShopSettings, shopPaymentOptions, type ShopPaymentOptions, type ShopSettingsValues } from "./settings";

export interface PublicShop {
  dojo: Dojo;
  settings: ShopSettingsValues;
  payments: ShopPaymentOptions;
}

export type PublicProduct = Omit<ProductSummary, "dojoId" | "active" | "stock"> & { available: number | null };

/** The shop of a dojo, or null when there is no such dojo or its shop is switched off (404). */
export async function publicShop(db: DbOrTx, slug: string): Promise<PublicShop | null> {
  const [dojo] = await db.select().from(dojos).where(eq(dojos.slug, slug));
  if (!dojo) return null;
  const settings = await getShopSettings(db, dojo.id);
  if (!settings.enabled) return null;
  return { dojo, settings, payments: await shopPaymentOptions(db, dojo, settings) };
}

function toPublic(products: ProductSummary[], reserved: Map<string, number>): PublicProduct[] {
  return products.map(({ dojoId: _d, active: _a, stock, ...p }) => ({ ...p, available: availableOf(stock, reserved.get(p.id)) }));
}

export async function publicProducts(db: DbOrTx, dojoId: string): Promise<PublicProduct[]> {
  const rows = await db.select(productColumns).from(shopProducts).where(and(eq(shopProducts.dojoId, dojoId), eq(shopProducts.active, true))).orderBy(asc(shopProducts.category), asc(shopProducts.name));
  return toPublic(rows, await reservedQuantities(db, rows.map((r) => r.id)));
}

export async function publicProduct(db: DbOrTx, dojoId: string, productId: string): Promise<PublicProduct | null> {
  if (!idSchema.safeParse(productId).success) return null;
  const rows = await db.select(productColumns).from(shopProducts).where(and(eq(shopProducts.id, productId), eq(shopProducts.dojoId, dojoId), eq(shopProducts.active, true)));
  if (!rows.length) return null;
  return toPublic(rows, await reservedQuantities(db, [productId]))[0];
}
