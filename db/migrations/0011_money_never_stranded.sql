CREATE TYPE "public"."automatic_refund_reason" AS ENUM('already_paid', 'overpaid', 'void', 'currency', 'not_payable', 'order_unavailable');--> statement-breakpoint
CREATE TYPE "public"."automatic_refund_status" AS ENUM('pending', 'refunded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."card_checkout_status" AS ENUM('opening', 'open', 'expiring', 'closed');--> statement-breakpoint
CREATE TABLE "automatic_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dojo_id" uuid NOT NULL,
	"invoice_id" uuid,
	"order_id" uuid,
	"stripe_payment_intent_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" varchar(3) NOT NULL,
	"reason" "automatic_refund_reason" NOT NULL,
	"status" "automatic_refund_status" DEFAULT 'pending' NOT NULL,
	"stripe_refund_id" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refunded_at" timestamp with time zone,
	CONSTRAINT "automatic_refunds_stripe_payment_intent_id_unique" UNIQUE("stripe_payment_intent_id"),
	CONSTRAINT "automatic_refunds_stripe_refund_id_unique" UNIQUE("stripe_refund_id")
);
--> statement-breakpoint
ALTER TABLE "card_checkouts" ADD COLUMN "status" "card_checkout_status" DEFAULT 'closed' NOT NULL;--> statement-breakpoint
ALTER TABLE "card_checkouts" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "automatic_refunds" ADD CONSTRAINT "automatic_refunds_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automatic_refunds" ADD CONSTRAINT "automatic_refunds_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automatic_refunds" ADD CONSTRAINT "automatic_refunds_order_id_shop_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."shop_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "automatic_refunds_invoice_idx" ON "automatic_refunds" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "automatic_refunds_order_idx" ON "automatic_refunds" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "card_checkouts_one_live_uq" ON "card_checkouts" USING btree ("invoice_id") WHERE "card_checkouts"."status" in ('opening', 'open');