import { and, asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { shopProducts, type ShopProduct } from "@/db/schema";
import { invalidInput, NotFoundError } from "@/lib/errors";
import { containsPattern } from "@/lib/search-pattern";
import { parseAmount } from "@/lib/money";
import { PAGE_SIZE } from "@/lib/pagination";
import { idSchema } from "@/lib/validation/common";
import { checkImage } from "./image";
import type { ProductInput } from "./schemas";

/** Everything about a product except the picture's bytes (served by their own route). */
export const productColumns = {
  id: shopProducts.id,
  dojoId: shopProducts.dojoId,
  name: shopProducts.name,
  description: shopProducts.description,
  priceMinor: shopProducts.priceMinor,
  currency: shopProducts.currency,
  category: shopProducts.category,
  stock: shopProducts.stock,
  active: shopProducts.active,
  hasImage: sql<boolean>`${shopProducts.image} is not null`,
  updatedAt: shopProducts.updatedAt,
};
export type ProductSummary = Omit<ShopProduct, "image" | "imageType" | "createdAt"> & { hasImage: boolean };

export interface ImageUpload {
  bytes: Uint8Array;
}

function priceOf(input: ProductInput, currency: string): number {
  const price = parseAmount(input.price, currency);
  if (!price.ok) throw invalidInput("shop.price", { problem: price.message });
  return price.minor;
}

function imageOf(upload: ImageUpload | null | undefined) {
  if (!upload) return {};
  const checked = checkImage(upload.bytes);
  if (!checked.ok) throw invalidInput("shop.image", { problem: checked.message });
  return { image: Buffer.from(upload.bytes), imageType: checked.type };
}

export async function createProduct(db: DbOrTx, dojo: { id: string; currency: string }, input: ProductInput, upload?: ImageUpload | null): Promise<string> {
  const [row] = await db
    .insert(shopProducts)
    .values({ dojoId: dojo.id, name: input.name, description: input.description, priceMinor: priceOf(input, dojo.currency), currency: dojo.currency, category: input.category, stock: input.stock, active: input.active, ...imageOf(upload) })
    .returning({ id: shopProducts.id });
  return row.id;
}

export async function updateProduct(db: DbOrTx, dojo: { id: string; currency: string }, productId: string, input: ProductInput, upload?: ImageUpload | null, removeImage = false): Promise<void> {
  const existing = await getProduct(db, dojo.id, productId);
  const image = removeImage ? { image: null, imageType: null } : imageOf(upload);
  await db
    .update(shopProducts)
    .set({ name: input.name, description: input.description, priceMinor: priceOf(input, existing.currency), category: input.category, stock: input.stock, active: input.active, ...image, updatedAt: new Date() })
    .where(and(eq(shopProducts.id, productId), eq(shopProducts.dojoId, dojo.id)));
}

/** Archived products leave the shop; orders that name them keep their copied name and price. */
export async function setProductActive(db: DbOrTx, dojoId: string, productId: string, active: boolean): Promise<void> {
  await getProduct(db, dojoId, productId);
  await db.update(shopProducts).set({ active, updatedAt: new Date() }).where(and(eq(shopProducts.id, productId), eq(shopProducts.dojoId, dojoId)));
}

export async function getProduct(db: DbOrTx, dojoId: string, productId: string): Promise<ProductSummary> {
  if (!idSchema.safeParse(productId).success) throw new NotFoundError("Product");
  const [row] = await db.select(productColumns).from(shopProducts).where(and(eq(shopProducts.id, productId), eq(shopProducts.dojoId, dojoId)));
  if (!row) throw new NotFoundError("Product");
  return row;
}

export async function listProducts(db: DbOrTx, dojoId: string, opts: { q?: string; page?: number; archived?: boolean }) {
  const where = and(
    eq(shopProducts.dojoId, dojoId),
    eq(shopProducts.active, !opts.archived),
    opts.q ? or(ilike(shopProducts.name, containsPattern(opts.q)), ilike(shopProducts.category, containsPattern(opts.q))) : undefined,
  );
  const page = Math.max(1, opts.page ?? 1);
  const [rows, [{ total }]] = await Promise.all([
    db.select(productColumns).from(shopProducts).where(where).orderBy(asc(shopProducts.name), desc(shopProducts.createdAt)).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(shopProducts).where(where),
  ]);
  return { rows, total, page };
}
