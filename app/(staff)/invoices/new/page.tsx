import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { newInvoiceValues } from "@/lib/invoices/form-values";
import { getMemberOption } from "@/lib/invoices/member-options";
import { today } from "@/lib/dates";
import { paramOf, type SearchParams } from "@/lib/pagination";
import { InvoiceForm } from "../invoice-form";

export const metadata = { title: "New invoice" };

export default async function NewInvoicePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("invoices");
  // ?member=<id> comes from a member's page; an id of another dojo is simply ignored.
  const member = await getMemberOption(await getDb(), dojo.id, paramOf(await searchParams, "member"));
  return (
    <>
      <PageHeader
        title="New invoice"
        description={
          <>
            Amounts in {dojo.currency}. <Link href="/invoices" className="text-brand-700 hover:underline">Back to invoices</Link>
          </>
        }
      />
      <Card className="max-w-4xl">
        <CardBody>
          <InvoiceForm currency={dojo.currency} member={member} defaultValues={newInvoiceValues(member?.id ?? null, today())} />
        </CardBody>
      </Card>
    </>
  );
}
