CREATE TYPE "public"."shop_order_status" AS ENUM('pending', 'paid', 'fulfilled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."shop_payment_choice" AS ENUM('card', 'at_dojo');--> statement-breakpoint
CREATE TABLE "shop_order_lines" (
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"dojo_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "shop_order_lines_order_id_position_pk" PRIMARY KEY("order_id","position")
);
--> statement-breakpoint
CREATE TABLE "shop_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dojo_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"buyer_name" text NOT NULL,
	"buyer_email" text NOT NULL,
	"buyer_phone" text,
	"member_id" uuid,
	"status" "shop_order_status" DEFAULT 'pending' NOT NULL,
	"payment" "shop_payment_choice" NOT NULL,
	"currency" varchar(3) NOT NULL,
	"total_minor" bigint NOT NULL,
	"invoice_id" uuid,
	"stripe_session_id" text,
	"stripe_payment_intent_id" text,
	"reserved_until" timestamp with time zone,
	"stock_taken" boolean DEFAULT false NOT NULL,
	"cancel_reason" text,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_orders_stripe_session_id_unique" UNIQUE("stripe_session_id"),
	CONSTRAINT "shop_orders_dojo_number_uq" UNIQUE("dojo_id","number")
);
--> statement-breakpoint
CREATE TABLE "shop_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dojo_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"price_minor" bigint NOT NULL,
	"currency" varchar(3) NOT NULL,
	"category" text,
	"stock" integer,
	"active" boolean DEFAULT true NOT NULL,
	"image" "bytea",
	"image_type" varchar(16),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_products_stock_ck" CHECK ("shop_products"."stock" is null or "shop_products"."stock" >= 0),
	CONSTRAINT "shop_products_price_ck" CHECK ("shop_products"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "shop_settings" (
	"dojo_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"title" text,
	"intro" text,
	"card_payments" boolean DEFAULT false NOT NULL,
	"pay_at_dojo" boolean DEFAULT true NOT NULL,
	"last_order_number" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shop_order_lines" ADD CONSTRAINT "shop_order_lines_order_id_shop_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."shop_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_order_lines" ADD CONSTRAINT "shop_order_lines_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_order_lines" ADD CONSTRAINT "shop_order_lines_product_id_shop_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."shop_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_products" ADD CONSTRAINT "shop_products_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD CONSTRAINT "shop_settings_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shop_order_lines_product_idx" ON "shop_order_lines" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "shop_orders_dojo_status_idx" ON "shop_orders" USING btree ("dojo_id","status","created_at");--> statement-breakpoint
CREATE INDEX "shop_products_dojo_idx" ON "shop_products" USING btree ("dojo_id","active","name");