import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { shopSettings, type Dojo, type ShopSettings } from "@/db/schema";
import { hasFeature } from "@/lib/account-plans/features";
import { getStripeConnection } from "@/lib/stripe/connection";

export type ShopSettingsValues = Pick<ShopSettings, "enabled" | "title" | "intro" | "cardPayments" | "payAtDojo" | "reservationDays">;
/** What saving takes: the reservation days keep their value (or the default) when not given. */
export type ShopSettingsInput = Omit<ShopSettingsValues, "reservationDays"> & { reservationDays?: number };

export const DEFAULT_RESERVATION_DAYS = 3;
const DEFAULTS: ShopSettingsValues = { enabled: false, title: null, intro: null, cardPayments: false, payAtDojo: true, reservationDays: DEFAULT_RESERVATION_DAYS };

export async function getShopSettings(db: DbOrTx, dojoId: string): Promise<ShopSettingsValues> {
  const [row] = await db.select().from(shopSettings).where(eq(shopSettings.dojoId, dojoId));
  return row ?? DEFAULTS;
}

export interface ShopPaymentOptions {
  /** "Pay with credit card": switched on, in the plan, and Stripe connected. */
  card: boolean;
  atDojo: boolean;
  /** Why card payments cannot be switched on, for the settings page; null when they can. */
  cardUnavailable: string | null;
}

/** What checkout may offer; the same answer for the page and for the order action. */
export async function shopPaymentOptions(db: DbOrTx, dojo: Pick<Dojo, "id" | "plan" | "currency">, settings: Pick<ShopSettingsValues, "cardPayments" | "payAtDojo">): Promise<ShopPaymentOptions> {
  let cardUnavailable: string | null = null;
  if (!hasFeature(dojo.plan, "webshopCardPayments")) cardUnavailable = "Card payments in the webshop are part of the Ultimate plan.";
  else {
    const connection = await getStripeConnection(db, dojo.id);
    if (!connection) cardUnavailable = "Connect Stripe in Settings → Stripe first.";
    else if (connection.currency.toUpperCase() !== dojo.currency) cardUnavailable = `The dojo's Stripe account charges in ${connection.currency.toUpperCase()}, the shop sells in ${dojo.currency}.`;
  }
  return { card: settings.cardPayments && !cardUnavailable, atDojo: settings.payAtDojo, cardUnavailable };
}

export async function saveShopSettings(db: DbOrTx, dojoId: string, values: ShopSettingsInput): Promise<void> {
  const set = { ...values, updatedAt: new Date() };
  await db.insert(shopSettings).values({ dojoId, ...set }).onConflictDoUpdate({ target: shopSettings.dojoId, set });
}
