CREATE TYPE "public"."billing_interval" AS ENUM('month', 'year');--> statement-breakpoint
CREATE TABLE "dojo_billing" (
	"dojo_id" uuid PRIMARY KEY NOT NULL,
	"trial_ends_at" timestamp with time zone,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"subscription_status" text,
	"interval" "billing_interval",
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"pending_plan" "plan",
	"pending_plan_at" timestamp with time zone,
	"synced_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dojo_billing_stripe_customer_id_unique" UNIQUE("stripe_customer_id"),
	CONSTRAINT "dojo_billing_stripe_subscription_id_unique" UNIQUE("stripe_subscription_id")
);
--> statement-breakpoint
CREATE TABLE "platform_stripe_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"status" "stripe_event_status" NOT NULL,
	"error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_stripe_events_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
ALTER TABLE "dojo_billing" ADD CONSTRAINT "dojo_billing_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE cascade ON UPDATE no action;