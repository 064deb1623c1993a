import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { invoices } from "./invoices";
import { members } from "./members";
import { tenantKey, tenantReference } from "./tenant-keys";

import { bytea } from "./bytea";

export const shopProducts = pgTable(
  "shop_products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    name: text("name").notNull(),
    description: text("description"),
    priceMinor: bigint("price_minor", { mode: "number" }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    category: text("category"),
    // Null means unlimited. Goes down when an order is paid (card) or placed (pay at the dojo).
    stock: integer("stock"),
    active: boolean("active").notNull().default(true),
    image: bytea("image"),
    imageType: varchar("image_type", { length: 16 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shop_products_dojo_idx").on(t.dojoId, t.active, t.name),
    check("shop_products_stock_ck", sql`${t.stock} is null or ${t.stock} >= 0`),
    check("shop_products_price_ck", sql`${t.priceMinor} >= 0`),
    tenantKey("shop_products", t),
  ],
);

export const shopSettings = pgTable("shop_settings", {
  dojoId: uuid("dojo_id").primaryKey().references(() => dojos.id),
  enabled: boolean("enabled").notNull().default(false),
  title: text("title"),
  intro: text("intro"),
  cardPayments: boolean("card_payments").notNull().default(false),
  payAtDojo: boolean("pay_at_dojo").notNull().default(true),
  // How long an unconfirmed pay-at-the-dojo order holds its items before they go back on sale.
  reservationDays: integer("reservation_days").notNull().default(3),
  // Order numbers per dojo: bumped in the ordering transaction, whose row lock keeps them unique.
  lastOrderNumber: integer("last_order_number").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [check("shop_settings_reservation_days_ck", sql`${t.reservationDays} between 1 and 30`)]);

export const shopOrderStatusEnum = pgEnum("shop_order_status", ["pending", "paid", "fulfilled", "cancelled"]);
export const shopPaymentChoiceEnum = pgEnum("shop_payment_choice", ["card", "at_dojo"]);

export const shopOrders = pgTable(
  "shop_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    number: integer("number").notNull(),
    buyerName: text("buyer_name").notNull(),
    buyerEmail: text("buyer_email").notNull(),
    buyerPhone: text("buyer_phone"),
    // Set only when a signed-in member placed the order.
    memberId: uuid("member_id"),
    // The language the buyer ordered in (lib/i18n/locales.ts): their mails and Stripe's page
    // speak it. Null for orders placed before the shop had languages.
    language: varchar("language", { length: 5 }),
    status: shopOrderStatusEnum("status").notNull().default("pending"),
    payment: shopPaymentChoiceEnum("payment").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    invoiceId: uuid("invoice_id"),
    stripeSessionId: text("stripe_session_id").unique(),
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    // Card orders hold their items until then (the Checkout Session expires at the same time);
    // an unconfirmed pay-at-the-dojo order until the dojo's reservation days have passed.
    reservedUntil: timestamp("reserved_until", { withTimezone: true }),
    // True once the order's quantities were taken off the products' stock.
    stockTaken: boolean("stock_taken").notNull().default(false),
    // A pay-at-the-dojo order confirmed by staff: only then does it get an invoice (and its
    // gapless number), so anonymous orders cannot use up invoice numbers.
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    fulfilledAt: timestamp("fulfilled_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("shop_orders_dojo_number_uq").on(t.dojoId, t.number),
    index("shop_orders_dojo_status_idx").on(t.dojoId, t.status, t.createdAt),
    // The unfiltered orders list, newest first.
    index("shop_orders_dojo_created_idx").on(t.dojoId, t.createdAt),
    // Pay-at-the-dojo orders still pending, a handful among a dojo's thousands of orders: read on
    // every orders page (syncPaidAtDojoOrders, the "To confirm" list, soonest hold first).
    index("shop_orders_at_dojo_pending_idx")
      .on(t.dojoId, t.reservedUntil, t.number)
      .where(sql`${t.status} = 'pending' and ${t.payment} = 'at_dojo'`),
    tenantKey("shop_orders", t),
    tenantReference("shop_orders_member_fk", t.dojoId, t.memberId, members),
    tenantReference("shop_orders_invoice_fk", t.dojoId, t.invoiceId, invoices),
  ],
);

export const shopOrderLines = pgTable(
  "shop_order_lines",
  {
    orderId: uuid("order_id").notNull(),
    position: integer("position").notNull(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    productId: uuid("product_id").notNull(),
    // Copied at order time: later price or name changes do not touch placed orders.
    name: text("name").notNull(),
    unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dojoId, t.orderId, t.position] }),
    index("shop_order_lines_product_idx").on(t.productId),
    tenantReference("shop_order_lines_order_fk", t.dojoId, t.orderId, shopOrders),
    tenantReference("shop_order_lines_product_fk", t.dojoId, t.productId, shopProducts),
  ],
);

export type ShopProduct = typeof shopProducts.$inferSelect;
export type ShopSettings = typeof shopSettings.$inferSelect;
export type ShopOrder = typeof shopOrders.$inferSelect;
export type ShopOrderLine = typeof shopOrderLines.$inferSelect;
export type ShopOrderStatus = (typeof shopOrderStatusEnum.enumValues)[number];
export type ShopPaymentChoice = (typeof shopPaymentChoiceEnum.enumValues)[number];
