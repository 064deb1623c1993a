import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { ProductForm } from "../product-form";

export const metadata = { title: "New product" };

export default async function NewProductPage() {
  const { dojo } = await requireStaffPage("shop");
  return (
    <>
      <PageHeader title="New product" />
      <Card>
        <CardBody>
          <ProductForm currency={dojo.currency} />
        </CardBody>
      </Card>
    </>
  );
}
