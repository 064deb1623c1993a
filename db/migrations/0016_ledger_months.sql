CREATE TABLE "ledger_months" (
	"dojo_id" uuid NOT NULL,
	"month" date NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"currency" varchar(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"entry_count" integer NOT NULL,
	CONSTRAINT "ledger_months_dojo_id_month_kind_currency_pk" PRIMARY KEY("dojo_id","month","kind","currency")
);
--> statement-breakpoint
ALTER TABLE "ledger_months" ADD CONSTRAINT "ledger_months_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_dojo_date_created_id_idx" ON "ledger_entries" USING btree ("dojo_id","date","created_at","id");--> statement-breakpoint
CREATE INDEX "ledger_dojo_kind_category_idx" ON "ledger_entries" USING btree ("dojo_id","kind","category");--> statement-breakpoint
-- The monthly rollup is kept by the database itself, in the statement that appends: no code path
-- (the app, a seed, a bulk import) can add an entry and leave the months behind. Once per
-- statement over the inserted rows, so a bulk insert is one upsert per month, not per row; the
-- ORDER BY takes row locks in one order, so two appends at once queue instead of deadlocking.
CREATE OR REPLACE FUNCTION ledger_months_add() RETURNS trigger AS $$
BEGIN
  INSERT INTO ledger_months (dojo_id, month, kind, currency, amount_minor, entry_count)
  SELECT dojo_id, date_trunc('month', date)::date, kind, currency, sum(amount_minor)::bigint, count(*)::integer
  FROM new_entries
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (dojo_id, month, kind, currency) DO UPDATE
    SET amount_minor = ledger_months.amount_minor + excluded.amount_minor,
        entry_count = ledger_months.entry_count + excluded.entry_count;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_add_to_months
  AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_months_add();
--> statement-breakpoint
-- The entries booked before this migration.
INSERT INTO ledger_months (dojo_id, month, kind, currency, amount_minor, entry_count)
SELECT dojo_id, date_trunc('month', date)::date, kind, currency, sum(amount_minor)::bigint, count(*)::integer
FROM ledger_entries
GROUP BY 1, 2, 3, 4;
