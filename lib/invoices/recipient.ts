import { and, eq, isNull } from "drizzle-orm";
import { families, invoices, members } from "@/db/schema";
import { fullName } from "@/lib/members/full-name";

/**
 * Who an invoice's mails go to: the member it is booked under, or, on an invoice addressed to a
 * family whose payer is a contact (no member, no login), that contact. Select `recipientColumns`
 * with invoices joined to members and left-joined to families on `contactPayerOfInvoice`.
 */
export const contactPayerOfInvoice = and(eq(families.dojoId, invoices.dojoId), eq(families.id, invoices.familyId), isNull(families.payerMemberId));

export const recipientColumns = {
  firstName: members.firstName,
  lastName: members.lastName,
  email: members.email,
  language: members.language,
  contactName: families.payerName,
  contactEmail: families.payerEmail,
};

type RecipientRow = { firstName: string; lastName: string; email: string | null; language: string | null; contactName: string | null; contactEmail: string | null };

export function invoiceRecipient(row: RecipientRow): { name: string; firstName: string; email: string | null; language: string | null; isContact: boolean } {
  // A contact has no language of their own: the mail speaks the dojo's.
  if (row.contactName) return { name: row.contactName, firstName: row.contactName.split(" ")[0], email: row.contactEmail, language: null, isContact: true };
  return { name: fullName(row), firstName: row.firstName, email: row.email, language: row.language, isContact: false };
}
