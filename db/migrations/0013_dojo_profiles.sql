CREATE TABLE "dojo_profiles" (
	"dojo_id" uuid PRIMARY KEY NOT NULL,
	"legal_name" text,
	"address" text,
	"email" text,
	"phone" text,
	"vat_number" varchar(32),
	"company_number" varchar(32),
	"bank_account_holder" text,
	"iban" varchar(34),
	"bic" varchar(11),
	"invoice_footer" text,
	"logo" "bytea",
	"logo_type" varchar(16),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dojo_profiles" ADD CONSTRAINT "dojo_profiles_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;