DROP INDEX "invoices_dojo_status_due_idx";--> statement-breakpoint
CREATE INDEX "invoices_dojo_status_due_amounts_idx" ON "invoices" USING btree ("dojo_id","status","due_date","currency","total_minor","paid_minor");--> statement-breakpoint
CREATE INDEX "shop_orders_dojo_created_idx" ON "shop_orders" USING btree ("dojo_id","created_at");