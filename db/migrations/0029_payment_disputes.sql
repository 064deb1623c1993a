ALTER TABLE "payments" ADD COLUMN "stripe_dispute_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "disputed_minor" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "disputed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "dispute_reason" text;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_stripe_dispute_id_unique" UNIQUE("stripe_dispute_id");