import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, members, type Invoice, type Member, type StripeConnection } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { notPayable } from "@/lib/errors";
import { assertPayable } from "@/lib/invoices/payable";
import { idSchema } from "@/lib/validation/common";
import { assertCardChargeable } from "./charge-limits";

export interface PayableInvoice {
  invoice: Invoice;
  member: Pick<Member, "id" | "firstName" | "lastName" | "email" | "stripeCustomerId">;
  openMinor: number;
}

/**
 * The invoice to charge, checked before anything goes to Stripe: the dojo's (and, for the
 * members area, the member's own), open with something left to pay, in the currency the
 * dojo's Stripe account charges in (so a card is never charged a wrong amount), and within
 * Stripe's charge limits for that currency.
 */
export async function payableInvoice(db: DbOrTx, scope: { dojoId: string; memberId?: string }, invoiceId: string, connection: Pick<StripeConnection, "currency">): Promise<PayableInvoice> {
  if (!idSchema.safeParse(invoiceId).success) throw new NotFoundError("Invoice");
  const [row] = await db
    .select({ invoice: invoices, member: { id: members.id, firstName: members.firstName, lastName: members.lastName, email: members.email, stripeCustomerId: members.stripeCustomerId } })
    .from(invoices)
    .innerJoin(members, eq(members.id, invoices.memberId))
    .where(and(eq(invoices.id, invoiceId), eq(invoices.dojoId, scope.dojoId)));
  if (!row || (scope.memberId && row.invoice.memberId !== scope.memberId)) throw new NotFoundError("Invoice");
  const { invoice, member } = row;
  const openMinor = assertPayable(invoice);
  // Stripe collects a subscription's invoice itself; a separate charge here would be paid twice.
  if (invoice.stripeInvoiceId) throw notPayable("collected_by_stripe");
  const stripeCurrency = connection.currency.toUpperCase();
  if (invoice.currency !== stripeCurrency) throw notPayable("other_currency", { currency: invoice.currency, expectedCurrency: stripeCurrency, openMinor });
  assertCardChargeable(openMinor, invoice.currency, { of: "invoice" });
  return { invoice, member, openMinor };
}
