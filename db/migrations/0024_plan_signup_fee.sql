ALTER TABLE "subscription_plans" ADD COLUMN "signup_fee_minor" bigint;--> statement-breakpoint
ALTER TABLE "subscription_plans" ADD COLUMN "signup_fee_product_id" text;