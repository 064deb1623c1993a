-- Trigram indexes (ILIKE '%…%' searches). A trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "invoice_totals" (
	"dojo_id" uuid NOT NULL,
	"status" "invoice_status" NOT NULL,
	"currency" varchar(3) NOT NULL,
	"due_date" date,
	"invoice_count" integer NOT NULL,
	"total_minor" bigint NOT NULL,
	"open_minor" bigint NOT NULL,
	CONSTRAINT "invoice_totals_key" UNIQUE NULLS NOT DISTINCT("dojo_id","status","currency","due_date")
);
--> statement-breakpoint
DROP INDEX "invoices_dojo_status_due_amounts_idx";--> statement-breakpoint
DROP INDEX "invoices_dojo_issue_idx";--> statement-breakpoint
ALTER TABLE "invoice_totals" ADD CONSTRAINT "invoice_totals_dojo_id_dojos_id_fk" FOREIGN KEY ("dojo_id") REFERENCES "public"."dojos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_dojo_status_due_idx" ON "invoices" USING btree ("dojo_id","status","due_date");--> statement-breakpoint
CREATE INDEX "invoices_dojo_issue_created_idx" ON "invoices" USING btree ("dojo_id","issue_date","created_at");--> statement-breakpoint
CREATE INDEX "invoices_dojo_status_issue_created_idx" ON "invoices" USING btree ("dojo_id","status","issue_date","created_at");--> statement-breakpoint
CREATE INDEX "invoices_number_trgm_idx" ON "invoices" USING gin ("number" gin_trgm_ops);;--> statement-breakpoint
-- The totals are kept by the database itself, in the statement that changes invoices: no code path
-- (the app, a seed, a bulk import) can change an invoice and leave them behind. Once per statement
-- over its rows: each changed invoice counts −1 with its old values and +1 with its new ones; keys
-- whose sums did not move are left untouched (no row lock taken for a change that is not a
-- total's, such as issuing a number). The ORDER BY takes row locks in one order, so two
-- statements at once queue instead of deadlocking.
CREATE OR REPLACE FUNCTION invoice_totals_apply() RETURNS trigger AS $$
DECLARE
  -- One row per changed invoice and side (n = +1 new values, −1 old values); the transition
  -- tables a trigger has depend on its event, hence the text.
  plus text := 'SELECT dojo_id, status, currency, CASE WHEN status = ''open'' THEN due_date END AS due_date, 1 AS n, total_minor, total_minor - paid_minor AS open_minor FROM new_invoices';
  minus text := 'SELECT dojo_id, status, currency, CASE WHEN status = ''open'' THEN due_date END AS due_date, -1 AS n, -total_minor AS total_minor, -(total_minor - paid_minor) AS open_minor FROM old_invoices';
  changes text := CASE TG_OP WHEN 'INSERT' THEN plus WHEN 'DELETE' THEN minus ELSE plus || ' UNION ALL ' || minus END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO invoice_totals (dojo_id, status, currency, due_date, invoice_count, total_minor, open_minor)
    SELECT dojo_id, status, currency, due_date, sum(n)::integer, sum(total_minor)::bigint, sum(open_minor)::bigint
    FROM (%s) changes
    GROUP BY 1, 2, 3, 4
    HAVING sum(n) <> 0 OR sum(total_minor) <> 0 OR sum(open_minor) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (dojo_id, status, currency, due_date) DO UPDATE
      SET invoice_count = invoice_totals.invoice_count + excluded.invoice_count,
          total_minor = invoice_totals.total_minor + excluded.total_minor,
          open_minor = invoice_totals.open_minor + excluded.open_minor$sql$, changes);
  -- An open due date with no invoice left goes (the other statuses are one row per currency).
  EXECUTE format($sql$
    DELETE FROM invoice_totals t
    USING (SELECT DISTINCT dojo_id, currency, due_date FROM (%s) changes WHERE status = 'open') c
    WHERE t.dojo_id = c.dojo_id AND t.status = 'open' AND t.currency = c.currency AND t.due_date = c.due_date AND t.invoice_count = 0$sql$, changes);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_insert_totals
  AFTER INSERT ON invoices
  REFERENCING NEW TABLE AS new_invoices
  FOR EACH STATEMENT EXECUTE FUNCTION invoice_totals_apply();
--> statement-breakpoint
CREATE TRIGGER invoices_update_totals
  AFTER UPDATE ON invoices
  REFERENCING OLD TABLE AS old_invoices NEW TABLE AS new_invoices
  FOR EACH STATEMENT EXECUTE FUNCTION invoice_totals_apply();
--> statement-breakpoint
CREATE TRIGGER invoices_delete_totals
  AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS old_invoices
  FOR EACH STATEMENT EXECUTE FUNCTION invoice_totals_apply();
--> statement-breakpoint
-- The invoices written before this migration.
INSERT INTO invoice_totals (dojo_id, status, currency, due_date, invoice_count, total_minor, open_minor)
SELECT dojo_id, status, currency, CASE WHEN status = 'open' THEN due_date END, count(*)::integer, sum(total_minor)::bigint, sum(total_minor - paid_minor)::bigint
FROM invoices
GROUP BY 1, 2, 3, 4;
