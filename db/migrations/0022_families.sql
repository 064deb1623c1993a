CREATE TABLE "families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dojo_id" uuid NOT NULL,
	"name" text NOT NULL,
	"payer_member_id" uuid,
	"payer_name" text,
	"payer_email" text,
	"stripe_customer_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "families_dojo_stripe_customer_uq" UNIQUE("dojo_id","stripe_customer_id"),
	CONSTRAINT "families_dojo_payer_member_uq" UNIQUE("dojo_id","payer_member_id"),
	CONSTRAINT "families_tenant_key" UNIQUE("dojo_id","id"),
	CONSTRAINT "families_one_payer" CHECK (("families"."payer_member_id" is not null and "families"."payer_name" is null and "families"."payer_email" is null and "families"."stripe_customer_id" is null) or ("families"."payer_member_id" is null and "families"."payer_name" is not null and "families"."payer_email" is not null))
);
--> statement-breakpoint
CREATE TABLE "family_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dojo_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_members_dojo_member_uq" UNIQUE("dojo_id","member_id"),
	CONSTRAINT "family_members_tenant_key" UNIQUE("dojo_id","id")
);
--> statement-breakpoint
ALTER TABLE "dojos" ADD COLUMN "family_discount_percent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "member_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "family_id" uuid;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_payer_member_fk" FOREIGN KEY ("dojo_id","payer_member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_family_fk" FOREIGN KEY ("dojo_id","family_id") REFERENCES "public"."families"("dojo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_member_fk" FOREIGN KEY ("dojo_id","member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "families_dojo_name_idx" ON "families" USING btree ("dojo_id","name");--> statement-breakpoint
CREATE INDEX "family_members_family_idx" ON "family_members" USING btree ("dojo_id","family_id");--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_member_fk" FOREIGN KEY ("dojo_id","member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_family_fk" FOREIGN KEY ("dojo_id","family_id") REFERENCES "public"."families"("dojo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_family_idx" ON "invoices" USING btree ("dojo_id","family_id");