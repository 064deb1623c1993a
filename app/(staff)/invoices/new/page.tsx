import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { newInvoiceValues } from "@/lib/invoices/form-values";
import { getMemberOption } from "@/lib/invoices/member-options";
import { today } from "@/lib/dates";
import { staffT } from "@/lib/i18n/staff-session";
import { paramOf, type SearchParams } from "@/lib/pagination";
import { InvoiceForm } from "../invoice-form";

export async function generateMetadata() {
  return { title: (await staffT("staff.invoices"))("new.title") };
}

export default async function NewInvoicePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("invoices");
  // ?member=<id> comes from a member's page; an id of another dojo is simply ignored.
  const member = await getMemberOption(await getDb(), dojo.id, paramOf(await searchParams, "member"));
  const t = await staffT("staff.invoices");
  return (
    <>
      <PageHeader
        title={t("new.title")}
        description={
          <>
            {t("new.amountsIn", { currency: dojo.currency })}{" "}
            <Link href="/invoices" className="text-brand-700 hover:underline">
              {t("new.back")}
            </Link>
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
