-- The unique (dojo_id, id) keys come before the foreign keys that point at them.
ALTER TABLE "staff_invitations" DROP CONSTRAINT "staff_invitations_invited_by_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk";
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_created_by_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_invoice_id_invoices_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_recorded_by_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_payment_id_payments_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_invoice_id_invoices_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_created_by_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "automatic_refunds" DROP CONSTRAINT "automatic_refunds_invoice_id_invoices_id_fk";
--> statement-breakpoint
ALTER TABLE "automatic_refunds" DROP CONSTRAINT "automatic_refunds_order_id_shop_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "card_checkouts" DROP CONSTRAINT "card_checkouts_invoice_id_invoices_id_fk";
--> statement-breakpoint
ALTER TABLE "card_checkouts" DROP CONSTRAINT "card_checkouts_opened_by_staff_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "card_checkouts" DROP CONSTRAINT "card_checkouts_opened_by_member_members_id_fk";
--> statement-breakpoint
ALTER TABLE "refunds" DROP CONSTRAINT "refunds_payment_id_payments_id_fk";
--> statement-breakpoint
ALTER TABLE "refunds" DROP CONSTRAINT "refunds_invoice_id_invoices_id_fk";
--> statement-breakpoint
ALTER TABLE "refunds" DROP CONSTRAINT "refunds_created_by_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "stripe_connections" DROP CONSTRAINT "stripe_connections_connected_by_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "stripe_customer_imports" DROP CONSTRAINT "stripe_customer_imports_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "card_links" DROP CONSTRAINT "card_links_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "card_links" DROP CONSTRAINT "card_links_created_by_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "member_subscriptions" DROP CONSTRAINT "member_subscriptions_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "member_subscriptions" DROP CONSTRAINT "member_subscriptions_plan_id_subscription_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "shop_order_lines" DROP CONSTRAINT "shop_order_lines_order_id_shop_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "shop_order_lines" DROP CONSTRAINT "shop_order_lines_product_id_shop_products_id_fk";
--> statement-breakpoint
ALTER TABLE "shop_orders" DROP CONSTRAINT "shop_orders_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "shop_orders" DROP CONSTRAINT "shop_orders_invoice_id_invoices_id_fk";
--> statement-breakpoint
ALTER TABLE "campaign_recipients" DROP CONSTRAINT "campaign_recipients_campaign_id_campaigns_id_fk";
--> statement-breakpoint
ALTER TABLE "campaign_recipients" DROP CONSTRAINT "campaign_recipients_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_created_by_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "email_opt_outs" DROP CONSTRAINT "email_opt_outs_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "shop_order_lines" DROP CONSTRAINT "shop_order_lines_order_id_position_pk";
--> statement-breakpoint
ALTER TABLE "shop_order_lines" ADD CONSTRAINT "shop_order_lines_dojo_id_order_id_position_pk" PRIMARY KEY("dojo_id","order_id","position");
--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "automatic_refunds" ADD CONSTRAINT "automatic_refunds_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "card_checkouts" ADD CONSTRAINT "card_checkouts_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "stripe_customer_imports" ADD CONSTRAINT "stripe_customer_imports_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "card_links" ADD CONSTRAINT "card_links_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "member_subscriptions" ADD CONSTRAINT "member_subscriptions_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "subscription_plans" ADD CONSTRAINT "subscription_plans_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "shop_products" ADD CONSTRAINT "shop_products_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_key" UNIQUE("dojo_id","id");
--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_invited_by_fk" FOREIGN KEY ("dojo_id","invited_by") REFERENCES "public"."staff_users"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("dojo_id","invoice_id") REFERENCES "public"."invoices"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_member_fk" FOREIGN KEY ("dojo_id","member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_fk" FOREIGN KEY ("dojo_id","created_by") REFERENCES "public"."staff_users"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_fk" FOREIGN KEY ("dojo_id","invoice_id") REFERENCES "public"."invoices"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_fk" FOREIGN KEY ("dojo_id","recorded_by") REFERENCES "public"."staff_users"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_fk" FOREIGN KEY ("dojo_id","payment_id") REFERENCES "public"."payments"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_invoice_fk" FOREIGN KEY ("dojo_id","invoice_id") REFERENCES "public"."invoices"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_created_by_fk" FOREIGN KEY ("dojo_id","created_by") REFERENCES "public"."staff_users"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "automatic_refunds" ADD CONSTRAINT "automatic_refunds_invoice_fk" FOREIGN KEY ("dojo_id","invoice_id") REFERENCES "public"."invoices"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "automatic_refunds" ADD CONSTRAINT "automatic_refunds_order_fk" FOREIGN KEY ("dojo_id","order_id") REFERENCES "public"."shop_orders"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "card_checkouts" ADD CONSTRAINT "card_checkouts_invoice_fk" FOREIGN KEY ("dojo_id","invoice_id") REFERENCES "public"."invoices"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "card_checkouts" ADD CONSTRAINT "card_checkouts_opened_by_staff_fk" FOREIGN KEY ("dojo_id","opened_by_staff") REFERENCES "public"."staff_users"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "card_checkouts" ADD CONSTRAINT "card_checkouts_opened_by_member_fk" FOREIGN KEY ("dojo_id","opened_by_member") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_fk" FOREIGN KEY ("dojo_id","payment_id") REFERENCES "public"."payments"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_invoice_fk" FOREIGN KEY ("dojo_id","invoice_id") REFERENCES "public"."invoices"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_created_by_fk" FOREIGN KEY ("dojo_id","created_by") REFERENCES "public"."staff_users"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD CONSTRAINT "stripe_connections_connected_by_fk" FOREIGN KEY ("dojo_id","connected_by") REFERENCES "public"."staff_users"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "stripe_customer_imports" ADD CONSTRAINT "stripe_customer_imports_member_fk" FOREIGN KEY ("dojo_id","member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "card_links" ADD CONSTRAINT "card_links_member_fk" FOREIGN KEY ("dojo_id","member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "card_links" ADD CONSTRAINT "card_links_created_by_fk" FOREIGN KEY ("dojo_id","created_by") REFERENCES "public"."staff_users"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "member_subscriptions" ADD CONSTRAINT "member_subscriptions_member_fk" FOREIGN KEY ("dojo_id","member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "member_subscriptions" ADD CONSTRAINT "member_subscriptions_plan_fk" FOREIGN KEY ("dojo_id","plan_id") REFERENCES "public"."subscription_plans"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "shop_order_lines" ADD CONSTRAINT "shop_order_lines_order_fk" FOREIGN KEY ("dojo_id","order_id") REFERENCES "public"."shop_orders"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "shop_order_lines" ADD CONSTRAINT "shop_order_lines_product_fk" FOREIGN KEY ("dojo_id","product_id") REFERENCES "public"."shop_products"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_member_fk" FOREIGN KEY ("dojo_id","member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_invoice_fk" FOREIGN KEY ("dojo_id","invoice_id") REFERENCES "public"."invoices"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_campaign_fk" FOREIGN KEY ("dojo_id","campaign_id") REFERENCES "public"."campaigns"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_member_fk" FOREIGN KEY ("dojo_id","member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_fk" FOREIGN KEY ("dojo_id","created_by") REFERENCES "public"."staff_users"("dojo_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "email_opt_outs" ADD CONSTRAINT "email_opt_outs_member_fk" FOREIGN KEY ("dojo_id","member_id") REFERENCES "public"."members"("dojo_id","id") ON DELETE no action ON UPDATE no action;

--> statement-breakpoint
DROP INDEX "invoices_dojo_status_due_idx";--> statement-breakpoint
CREATE INDEX "invoices_dojo_status_due_amounts_idx" ON "invoices" USING btree ("dojo_id","status","due_date","currency","total_minor","paid_minor");--> statement-breakpoint
CREATE INDEX "shop_orders_dojo_created_idx" ON "shop_orders" USING btree ("dojo_id","created_at");