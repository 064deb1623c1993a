import "server-only";
import type { DbOrTx } from "@/db/client";
import type { InvoiceStatus, PaymentMethod } from "@/db/schema";
import { getSeller, type Seller } from "@/lib/dojos/profile";
import { refundsOfInvoice } from "@/lib/payments/refunds/list-refunds";
import { getInvoice } from "./get-invoice";
import { fullName } from "@/lib/members/full-name";
import { memberLocale } from "@/lib/i18n/member-locale";
import type { Locale } from "@/lib/i18n/locales";

/**
 * An invoice as a document a bookkeeper accepts: the seller block (Settings → Dojo profile), the
 * buyer, the lines, every payment and refund, and what is still open. One model for the printed
 * page, the PDF and the mail attachment, so they never disagree.
 */
export interface InvoiceDocument {
  id: string;
  memberId: string;
  /** The member's language: the document is theirs, whoever prints it. */
  locale: Locale;
  number: string | null;
  status: InvoiceStatus;
  currency: string;
  issueDate: string;
  dueDate: string;
  paidAt: Date | null;
  notes: string | null;
  voidReason: string | null;
  seller: Seller;
  buyer: { name: string; uid: string; email: string | null; address: string | null };
  lines: { id: string; description: string; quantity: number; unitPriceMinor: number; amountMinor: number }[];
  payments: { id: string; paidAt: Date; method: PaymentMethod; reference: string | null; amountMinor: number }[];
  /** Refunds that went through; a failed one gave nothing back and is not listed. */
  refunds: { id: string; refundedAt: Date; amountMinor: number; reason: string | null }[];
  /** Payments the payer's bank took back (a returned debit, a lost dispute): no longer paid. */
  disputes: { id: string; disputedAt: Date; amountMinor: number }[];
  totalMinor: number;
  paidMinor: number;
  refundedMinor: number;
  /** Still to pay: only an open invoice has an open amount. */
  openMinor: number;
}

/** The dojo's invoice as a document; null when it is not the dojo's. */
export async function invoiceDocument(db: DbOrTx, dojoId: string, invoiceId: string): Promise<InvoiceDocument | null> {
  const detail = await getInvoice(db, dojoId, invoiceId);
  if (!detail) return null;
  const { invoice, member } = detail;
  const [seller, refunds, locale] = await Promise.all([getSeller(db, dojoId), refundsOfInvoice(db, dojoId, invoiceId), memberLocale(db, dojoId, invoice.memberId)]);
  return {
    id: invoice.id,
    memberId: invoice.memberId,
    locale,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    paidAt: invoice.paidAt,
    notes: invoice.notes,
    voidReason: invoice.voidReason,
    seller,
    buyer: { name: fullName(member), uid: member.uid, email: member.email, address: member.address },
    lines: detail.lines.map(({ id, description, quantity, unitPriceMinor, amountMinor }) => ({ id, description, quantity, unitPriceMinor, amountMinor })),
    payments: detail.payments.map(({ id, paidAt, method, reference, amountMinor }) => ({ id, paidAt, method, reference, amountMinor })),
    refunds: refunds.filter((r) => !r.failedAt).map((r) => ({ id: r.id, refundedAt: r.createdAt, amountMinor: r.amountMinor, reason: r.reason })),
    disputes: detail.payments.flatMap((p) => (p.disputedMinor ? [{ id: p.id, disputedAt: p.disputedAt ?? p.paidAt, amountMinor: p.disputedMinor }] : [])),
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    refundedMinor: invoice.refundedMinor,
    openMinor: invoice.status === "open" ? invoice.totalMinor - invoice.paidMinor : 0,
  };
}

/** "invoice-2026-0042.pdf"; a draft has no number yet. */
export function invoicePdfFilename(doc: Pick<InvoiceDocument, "number">): string {
  return `invoice-${doc.number ?? "draft"}.pdf`;
}
