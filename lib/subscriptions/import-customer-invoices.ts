import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db, DbOrTx } from "@/db/client";
import { stripeCustomerImports, type StripeCustomerImport } from "@/db/schema";
import { STRIPE_CUSTOMER_IMPORT_JOB } from "@/lib/jobs/kinds";
import { enqueueJob } from "@/lib/jobs/queue";
import { stripeForDojo } from "@/lib/stripe/connection";
import { syncStripeInvoice } from "./sync-invoice";

/**
 * Queues the import of a just-linked customer's past paid subscription invoices, in the linking
 * transaction (the job exists exactly when the link does). Linking the same customer again while
 * its import is queued, running or done queues nothing; a failed import, or another customer,
 * starts over. The import itself is idempotent per Stripe invoice either way.
 */
export async function queueCustomerImport(tx: DbOrTx, dojoId: string, memberId: string, customerId: string): Promise<boolean> {
  const restart = { customerId, status: "queued" as const, found: 0, imported: 0, error: null, updatedAt: new Date() };
  const [queued] = await tx
    .insert(stripeCustomerImports)
    .values({ dojoId, memberId, ...restart })
    .onConflictDoUpdate({
      target: [stripeCustomerImports.dojoId, stripeCustomerImports.memberId],
      set: restart,
      setWhere: sql`${stripeCustomerImports.status} = 'failed' or ${stripeCustomerImports.customerId} <> excluded.customer_id`,
    })
    .returning({ id: stripeCustomerImports.id });
  if (!queued) return false;
  await enqueueJob(tx, { kind: STRIPE_CUSTOMER_IMPORT_JOB, payload: { importId: queued.id, customerId }, dojoId });
  return true;
}

/** The member's latest import, for the profile's Stripe section. */
export async function customerImportOf(db: DbOrTx, dojoId: string, memberId: string): Promise<StripeCustomerImport | null> {
  const [row] = await db.select().from(stripeCustomerImports).where(and(eq(stripeCustomerImports.dojoId, dojoId), eq(stripeCustomerImports.memberId, memberId)));
  return row ?? null;
}

// Only while the row is still about this customer: a member linked to another customer meanwhile has a new import.
async function progress(db: Db, importId: string, customerId: string, values: Partial<Pick<StripeCustomerImport, "status" | "found" | "imported" | "error">>) {
  await db
    .update(stripeCustomerImports)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(stripeCustomerImports.id, importId), eq(stripeCustomerImports.customerId, customerId)));
}

/**
 * The job: every paid invoice of the customer goes through syncStripeInvoice — the code the
 * invoice webhooks use — one transaction each, oldest first, so each becomes one paid Tatami
 * invoice with one revenue entry (keyed by the Stripe invoice id: a second run, or a webhook
 * racing it, adds nothing). Invoices that are not a subscription's are left out, as the
 * webhooks leave them out. Progress is written after each invoice.
 */
export async function importCustomerInvoices(db: Db, importId: string, customerId: string, heartbeat: () => Promise<void> = async () => {}): Promise<StripeCustomerImport | null> {
  const [job] = await db.select().from(stripeCustomerImports).where(eq(stripeCustomerImports.id, importId));
  // Done already, or superseded by a link to another customer.
  if (!job || job.customerId !== customerId || job.status === "done") return job ?? null;
  const update = (values: Parameters<typeof progress>[3]) => progress(db, importId, customerId, values);
  try {
    const { stripe } = await stripeForDojo(db, job.dojoId);
    await update({ status: "running", error: null });
    const paid: Stripe.Invoice[] = [];
    for await (const invoice of stripe.invoices.list({ customer: job.customerId, status: "paid", limit: 100 })) paid.push(invoice);
    let found = 0;
    let imported = 0;
    for (const invoice of paid.reverse()) {
      await heartbeat();
      const synced = await db.transaction((tx) => syncStripeInvoice(tx, stripe, job.dojoId, invoice.id!, { receipt: false }));
      if (!synced) continue;
      found++;
      if (synced.recorded) imported++;
      await update({ found, imported });
    }
    await update({ status: "done", found, imported });
  } catch (error) {
    // Retried by the queue; the row says what went wrong meanwhile.
    await update({ status: "queued", error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  return (await db.select().from(stripeCustomerImports).where(eq(stripeCustomerImports.id, importId)))[0] ?? null;
}

/** After the queue's last attempt. */
export async function failCustomerImport(db: Db, importId: string, customerId: string, error: string): Promise<void> {
  await progress(db, importId, customerId, { status: "failed", error });
}
