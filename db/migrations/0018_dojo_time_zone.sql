ALTER TABLE "dojos" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "signup_requests" ADD COLUMN "time_zone" text DEFAULT 'Europe/Amsterdam' NOT NULL;