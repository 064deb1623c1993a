import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices, ledgerEntries, payments, shopOrders, shopProducts } from "@/db/schema";
import { saveShopSettings, type ShopSettingsInput } from "@/lib/shop/settings";

export async function openShop(dojoId: string, settings: Partial<ShopSettingsInput> = {}) {
  await saveShopSettings(await getDb(), dojoId, { enabled: true, title: "Dojo shop", intro: null, cardPayments: true, payAtDojo: true, ...settings });
}

export async function createProduct(dojo: { id: string; currency: string }, values: { name?: string; priceMinor?: number; stock?: number | null; active?: boolean } = {}) {
  const [product] = await (await getDb())
    .insert(shopProducts)
    .values({ dojoId: dojo.id, currency: dojo.currency, name: values.name ?? "Gi", priceMinor: values.priceMinor ?? 4500, stock: values.stock === undefined ? 10 : values.stock, active: values.active ?? true })
    .returning();
  return product;
}

export async function stockOf(productId: string) {
  const [row] = await (await getDb()).select({ stock: shopProducts.stock }).from(shopProducts).where(eq(shopProducts.id, productId));
  return row.stock;
}

/** The order with its invoice, payments and revenue entries. */
export async function orderState(orderId: string) {
  const db = await getDb();
  const [order] = await db.select().from(shopOrders).where(eq(shopOrders.id, orderId));
  const invoice = order.invoiceId ? (await db.select().from(invoices).where(eq(invoices.id, order.invoiceId)))[0] : null;
  const paymentRows = invoice ? await db.select().from(payments).where(eq(payments.invoiceId, invoice.id)) : [];
  const entries = invoice ? await db.select().from(ledgerEntries).where(eq(ledgerEntries.invoiceId, invoice.id)) : [];
  return { order, invoice, payments: paymentRows, entries };
}

export const sessionIdFromUrl = (url: string) => /\/c\/pay\/(cs_[A-Za-z0-9_]+)/.exec(url)![1];
