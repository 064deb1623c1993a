import { bigint, index, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { invoices } from "./invoices";
import { staffUsers } from "./staff";
import { tenantKey, tenantReference } from "./tenant-keys";

export const paymentMethodEnum = pgEnum("payment_method", ["cash", "bank_transfer", "card"]);

export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    invoiceId: uuid("invoice_id").notNull(),
    method: paymentMethodEnum("method").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }).notNull(),
    reference: text("reference"),
    // One payment per PaymentIntent, whichever path (browser or webhook) records it first.
    stripePaymentIntentId: text("stripe_payment_intent_id").unique(),
    stripeChargeId: text("stripe_charge_id"),
    // A dispute Stripe decided against the dojo (a returned SEPA debit, a lost card dispute): the
    // money went back to the payer. Set once, with the reversing ledger entry (lib/payments/disputes).
    stripeDisputeId: text("stripe_dispute_id").unique(),
    disputedMinor: bigint("disputed_minor", { mode: "number" }),
    disputedAt: timestamp("disputed_at", { withTimezone: true }),
    disputeReason: text("dispute_reason"),
    recordedBy: uuid("recorded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payments_invoice_idx").on(t.invoiceId),
    index("payments_dojo_idx").on(t.dojoId, t.paidAt),
    tenantKey("payments", t),
    tenantReference("payments_invoice_fk", t.dojoId, t.invoiceId, invoices),
    tenantReference("payments_recorded_by_fk", t.dojoId, t.recordedBy, staffUsers),
  ],
);

export type Payment = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type PaymentMethod = (typeof paymentMethodEnum.enumValues)[number];
