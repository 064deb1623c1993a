import { getDb } from "@/db/client";
import { getMemberSession } from "@/lib/auth/session";
import { invoiceDocument } from "@/lib/invoices/document";
import { invoicePdfResponse, notFoundResponse } from "@/lib/invoices/pdf/pdf-response";
import { getMemberInvoice } from "@/lib/portal/invoices";
import { portalScope } from "@/lib/portal/family-scope";

// A member downloads one of their own issued invoices; another member's or dojo's id, a draft or
// a void invoice answers 404 like a missing one.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getMemberSession();
  if (!session) return notFoundResponse();
  const db = await getDb();
  const { id } = await params;
  const scope = await portalScope(db, session.dojo.id, session.member.id);
  if (!(await getMemberInvoice(db, scope, id))) return notFoundResponse();
  const doc = await invoiceDocument(db, session.dojo.id, id);
  return doc ? invoicePdfResponse(doc) : notFoundResponse();
}
