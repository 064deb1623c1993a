CREATE TYPE "public"."subscription_pause_event_kind" AS ENUM('paused', 'resumed');--> statement-breakpoint
CREATE TABLE "subscription_pause_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dojo_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"kind" "subscription_pause_event_kind" NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resumes_at" timestamp with time zone,
	"actor" text NOT NULL,
	CONSTRAINT "subscription_pause_events_tenant_key" UNIQUE("dojo_id","id")
);
--> statement-breakpoint
ALTER TABLE "dojos" ADD COLUMN "members_may_pause" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "member_subscriptions" ADD COLUMN "pause_behavior" text;--> statement-breakpoint
ALTER TABLE "member_subscriptions" ADD COLUMN "pause_resumes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscription_plans" ADD COLUMN "trial_days" integer;--> statement-breakpoint
ALTER TABLE "subscription_pause_events" ADD CONSTRAINT "subscription_pause_events_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_pause_events" ADD CONSTRAINT "subscription_pause_events_subscription_fk" FOREIGN KEY ("dojo_id","subscription_id") REFERENCES "public"."member_subscriptions"("dojo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_pause_events_sub_idx" ON "subscription_pause_events" USING btree ("subscription_id","occurred_at");