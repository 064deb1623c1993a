ALTER TABLE "invoice_totals" DROP CONSTRAINT "invoice_totals_key";--> statement-breakpoint
ALTER TABLE "ledger_months" DROP CONSTRAINT "ledger_months_dojo_id_month_kind_currency_pk";--> statement-breakpoint
ALTER TABLE "invoice_totals" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_months" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_months" ADD CONSTRAINT "ledger_months_dojo_id_month_kind_currency_slot_pk" PRIMARY KEY("dojo_id","month","kind","currency","slot");--> statement-breakpoint
ALTER TABLE "invoice_totals" ADD CONSTRAINT "invoice_totals_key" UNIQUE NULLS NOT DISTINCT("dojo_id","status","currency","due_date","slot");--> statement-breakpoint
-- One row per key held every concurrent payment of a dojo in a queue: each payment's statement
-- updates that dojo's "open, due that day", "paid" and "revenue this month" rows and holds them until
-- COMMIT. Each key now has 8 slots; a row always counts in the slot of its invoice (or, for a ledger
-- entry without one, of itself), so two payments of different invoices meet on a row only when
-- their invoices share a slot. A slot's row is then the exact sum of its own invoices: it never goes
-- negative, and an open due date's slot row can be deleted when its own count reaches zero without
-- looking at (or locking) the other slots. The slot is read from the id's last byte (random in
-- gen_random_uuid), not from a hash function whose output a PostgreSQL upgrade could change.
CREATE OR REPLACE FUNCTION rollup_slot(id uuid) RETURNS smallint AS $$
  SELECT (get_byte(uuid_send(id), 15) % 8)::smallint
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_months_add() RETURNS trigger AS $$
BEGIN
  INSERT INTO ledger_months (dojo_id, month, kind, currency, slot, amount_minor, entry_count)
  SELECT dojo_id, date_trunc('month', date)::date, kind, currency, rollup_slot(coalesce(invoice_id, id)), sum(amount_minor)::bigint, count(*)::integer
  FROM new_entries
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (dojo_id, month, kind, currency, slot) DO UPDATE
    SET amount_minor = ledger_months.amount_minor + excluded.amount_minor,
        entry_count = ledger_months.entry_count + excluded.entry_count;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION invoice_totals_apply() RETURNS trigger AS $$
DECLARE
  -- One row per changed invoice and side (n = +1 new values, −1 old values); the transition
  -- tables a trigger has depend on its event, hence the text.
  plus text := 'SELECT dojo_id, status, currency, CASE WHEN status = ''open'' THEN due_date END AS due_date, rollup_slot(id) AS slot, 1 AS n, total_minor, total_minor - paid_minor AS open_minor FROM new_invoices';
  minus text := 'SELECT dojo_id, status, currency, CASE WHEN status = ''open'' THEN due_date END AS due_date, rollup_slot(id) AS slot, -1 AS n, -total_minor AS total_minor, -(total_minor - paid_minor) AS open_minor FROM old_invoices';
  changes text := CASE TG_OP WHEN 'INSERT' THEN plus WHEN 'DELETE' THEN minus ELSE plus || ' UNION ALL ' || minus END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO invoice_totals (dojo_id, status, currency, due_date, slot, invoice_count, total_minor, open_minor)
    SELECT dojo_id, status, currency, due_date, slot, sum(n)::integer, sum(total_minor)::bigint, sum(open_minor)::bigint
    FROM (%s) changes
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(n) <> 0 OR sum(total_minor) <> 0 OR sum(open_minor) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (dojo_id, status, currency, due_date, slot) DO UPDATE
      SET invoice_count = invoice_totals.invoice_count + excluded.invoice_count,
          total_minor = invoice_totals.total_minor + excluded.total_minor,
          open_minor = invoice_totals.open_minor + excluded.open_minor$sql$, changes);
  -- An open due date's slot with no invoice left goes (the other statuses are one row per currency
  -- and slot). Only the slots this statement changed, whose rows it already holds.
  EXECUTE format($sql$
    DELETE FROM invoice_totals t
    USING (SELECT DISTINCT dojo_id, currency, due_date, slot FROM (%s) changes WHERE status = 'open') c
    WHERE t.dojo_id = c.dojo_id AND t.status = 'open' AND t.currency = c.currency AND t.due_date = c.due_date AND t.slot = c.slot AND t.invoice_count = 0$sql$, changes);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- What was written before this migration, counted again in its slots.
DELETE FROM invoice_totals;
--> statement-breakpoint
INSERT INTO invoice_totals (dojo_id, status, currency, due_date, slot, invoice_count, total_minor, open_minor)
SELECT dojo_id, status, currency, CASE WHEN status = 'open' THEN due_date END, rollup_slot(id), count(*)::integer, sum(total_minor)::bigint, sum(total_minor - paid_minor)::bigint
FROM invoices
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
DELETE FROM ledger_months;
--> statement-breakpoint
INSERT INTO ledger_months (dojo_id, month, kind, currency, slot, amount_minor, entry_count)
SELECT dojo_id, date_trunc('month', date)::date, kind, currency, rollup_slot(coalesce(invoice_id, id)), sum(amount_minor)::bigint, count(*)::integer
FROM ledger_entries
GROUP BY 1, 2, 3, 4, 5;
