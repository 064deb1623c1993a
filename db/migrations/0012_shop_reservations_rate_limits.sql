CREATE TABLE "rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shop_orders" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD COLUMN "reservation_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_updated_idx" ON "rate_limit_buckets" USING btree ("updated_at");--> statement-breakpoint
ALTER TABLE "shop_settings" ADD CONSTRAINT "shop_settings_reservation_days_ck" CHECK ("shop_settings"."reservation_days" between 1 and 30);--> statement-breakpoint
-- Pay-at-the-dojo orders placed before this change were invoiced at once: they count as confirmed.
UPDATE "shop_orders" SET "confirmed_at" = "created_at" WHERE "payment" = 'at_dojo' AND "invoice_id" IS NOT NULL;
