ALTER TYPE "public"."card_checkout_status" ADD VALUE 'processing' BEFORE 'closed';--> statement-breakpoint
ALTER TABLE "card_checkouts" ADD COLUMN "delayed_method" text;--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD COLUMN "payment_methods" text[] DEFAULT '{card}'::text[] NOT NULL;