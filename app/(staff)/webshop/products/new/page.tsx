import type { Metadata } from "next";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff-session";
import { ProductForm } from "../product-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.webshop.product"))("newTitle") };
}

export default async function NewProductPage() {
  const { dojo } = await requireStaffPage("shop");
  const t = await staffT("staff.webshop.product");
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <Card>
        <CardBody>
          <ProductForm currency={dojo.currency} />
        </CardBody>
      </Card>
    </>
  );
}
