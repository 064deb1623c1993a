import Link from "next/link";
import { redirect } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/db/client";
import { hasFeature } from "@/lib/account-plans/features";
import { listPlans } from "@/lib/subscriptions/plans";
import { ComposeForm } from "./compose-form";

export const metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const { dojo, user } = await requireStaffPage("campaigns");
  if (!hasFeature(dojo.plan, "emailCampaigns")) redirect("/campaigns");
  const plans = hasFeature(dojo.plan, "subscriptions") ? (await listPlans(await getDb(), dojo.id)).map((p) => ({ id: p.id, name: p.name })) : [];
  return (
    <>
      <Link href="/campaigns" className="mb-3 inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
        <ArrowLeft className="size-4" aria-hidden /> Campaigns
      </Link>
      <PageHeader title="New campaign" description="Write once; each member gets it with their own name and links." />
      <ComposeForm userEmail={user.email} plans={plans} />
    </>
  );
}
