import "server-only";
import type { Db } from "@/db/client";
import { platformStripe } from "@/lib/stripe/platform";
import { getBilling } from "./billing-account";

export interface PlatformInvoice {
  id: string;
  number: string | null;
  /** Minor units: what was paid, or what is due for an invoice not paid. */
  amount: number;
  currency: string;
  date: Date;
  status: string;
  hostedUrl: string | null;
}

/** The dojo's invoices from Tatami (plan payments), newest first, read from the platform Stripe account. */
export async function platformInvoices(db: Db, dojoId: string, limit = 24): Promise<PlatformInvoice[]> {
  const billing = await getBilling(db, dojoId);
  if (!billing?.stripeCustomerId) return [];
  const list = await platformStripe().invoices.list({ customer: billing.stripeCustomerId, limit });
  return list.data
    .filter((i) => i.status !== "draft")
    .map((i) => ({
      id: i.id!,
      number: i.number,
      amount: i.status === "paid" ? i.amount_paid : i.amount_due,
      currency: i.currency.toUpperCase(),
      date: new Date((i.status_transitions.finalized_at ?? i.created) * 1000),
      status: i.status ?? "open",
      hostedUrl: i.hosted_invoice_url ?? null,
    }));
}
