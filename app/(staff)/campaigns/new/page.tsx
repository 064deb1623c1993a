import Link from "next/link";
import { redirect } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/db/client";
import { hasFeature } from "@/lib/account-plans/features";
import { listPlans } from "@/lib/subscriptions/plans";
import { staffT } from "@/lib/i18n/staff-session";
import { ComposeForm } from "./compose-form";

export async function generateMetadata() {
  return { title: (await staffT("staff.campaigns"))("compose.title") };
}

export default async function NewCampaignPage() {
  const { dojo, user } = await requireStaffPage("campaigns");
  if (!hasFeature(dojo.plan, "emailCampaigns")) redirect("/campaigns");
  const plans = hasFeature(dojo.plan, "subscriptions") ? (await listPlans(await getDb(), dojo.id)).map((p) => ({ id: p.id, name: p.name })) : [];
  const t = await staffT("staff.campaigns");
  return (
    <>
      <Link href="/campaigns" className="mb-3 inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
        <ArrowLeft className="size-4" aria-hidden /> {t("title")}
      </Link>
      <PageHeader title={t("compose.title")} description={t("compose.description")} />
      <ComposeForm userEmail={user.email} plans={plans} />
    </>
  );
}
