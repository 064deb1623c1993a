ALTER TABLE "dojos" ADD COLUMN "default_language" varchar(5) DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "language" varchar(5);