CREATE TYPE "public"."plan_change_kind" AS ENUM('upgrade', 'downgrade', 'keep');--> statement-breakpoint
CREATE TYPE "public"."plan_change_status" AS ENUM('requested', 'applied', 'requires_action', 'failed');--> statement-breakpoint
CREATE TABLE "plan_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dojo_id" uuid NOT NULL,
	"kind" "plan_change_kind" NOT NULL,
	"plan" "plan" NOT NULL,
	"stripe_subscription_id" text NOT NULL,
	"stripe_invoice_id" text,
	"status" "plan_change_status" DEFAULT 'requested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_change_requests" ADD CONSTRAINT "plan_change_requests_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_change_requests_dojo_idx" ON "plan_change_requests" USING btree ("dojo_id","created_at");