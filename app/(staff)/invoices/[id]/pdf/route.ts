import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getStaffSession } from "@/lib/auth/session";
import { invoiceDocument } from "@/lib/invoices/document";
import { invoicePdfResponse, notFoundResponse } from "@/lib/invoices/pdf/pdf-response";

// Staff download an invoice of their own dojo as PDF; anything else (signed out, a role without
// invoices, another dojo's id) is a plain 404 that tells nothing.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getStaffSession();
  if (!session || !can(session.user.role, "invoices")) return notFoundResponse();
  const doc = await invoiceDocument(await getDb(), session.dojo.id, (await params).id);
  return doc ? invoicePdfResponse(doc) : notFoundResponse();
}
