import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { draftFormValues } from "@/lib/invoices/form-values";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { getMemberOption } from "@/lib/invoices/member-options";
import { staffT } from "@/lib/i18n/staff-session";
import { InvoiceForm } from "../../invoice-form";

export async function generateMetadata() {
  return { title: (await staffT("staff.invoices"))("edit.title") };
}

export default async function EditInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { dojo } = await requireStaffPage("invoices");
  const { id } = await params;
  const db = await getDb();
  const detail = await getInvoice(db, dojo.id, id);
  if (!detail) notFound();
  // Issued invoices are documents: they are voided, not edited.
  if (detail.invoice.status !== "draft") redirect(`/invoices/${id}`);
  const member = await getMemberOption(db, dojo.id, detail.invoice.memberId);
  const t = await staffT("staff.invoices");
  return (
    <>
      <PageHeader
        title={t("edit.title")}
        description={
          <Link href={`/invoices/${id}`} className="text-brand-700 hover:underline">
            {t("edit.back")}
          </Link>
        }
      />
      <Card className="max-w-4xl">
        <CardBody>
          <InvoiceForm currency={detail.invoice.currency} invoiceId={id} member={member} defaultValues={draftFormValues(detail.invoice, detail.lines)} />
        </CardBody>
      </Card>
    </>
  );
}
