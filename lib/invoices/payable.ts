import type { Invoice } from "@/db/schema";
import { notPayable, type NotPayableReason } from "@/lib/errors";

type Payable = Pick<Invoice, "status" | "totalMinor" | "paidMinor">;

/** Why an invoice cannot take a payment now (not issued, void, nothing left open); null when it can. */
export function whyNotPayable(invoice: Payable): NotPayableReason | null {
  if (invoice.status === "draft") return "draft";
  if (invoice.status === "void") return "void";
  if (invoice.status === "paid" || invoice.totalMinor - invoice.paidMinor <= 0) return "paid";
  return null;
}

/** The one payability rule of every payment path (desk, card, members area): the open amount, or NOT_PAYABLE. */
export function assertPayable(invoice: Payable): number {
  const reason = whyNotPayable(invoice);
  if (reason) throw notPayable(reason);
  return invoice.totalMinor - invoice.paidMinor;
}
