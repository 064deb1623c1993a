ALTER TABLE "card_links" ALTER COLUMN "member_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "card_links" ADD COLUMN "family_id" uuid;--> statement-breakpoint
ALTER TABLE "card_links" ADD CONSTRAINT "card_links_family_fk" FOREIGN KEY ("dojo_id","family_id") REFERENCES "public"."families"("dojo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "card_links_family_live_uq" ON "card_links" USING btree ("dojo_id","family_id") WHERE "card_links"."revoked_at" is null;--> statement-breakpoint
ALTER TABLE "card_links" ADD CONSTRAINT "card_links_one_holder" CHECK (("card_links"."member_id" is null) <> ("card_links"."family_id" is null));