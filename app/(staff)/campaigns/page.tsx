import Link from "next/link";
import { Plus } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/list";
import { hrefWith, pageFrom } from "@/lib/pagination";
import { hasFeature } from "@/lib/account-plans/features";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { Mail } from "lucide-react";
import { UpgradePrompt } from "@/components/plans/upgrade-prompt";
import { formatDateTime } from "@/lib/dates";

export const metadata = { title: "Campaigns" };


export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { dojo } = await requireStaffPage("campaigns");
  const description = "E-mail your members, each mail with their own name and links.";
  if (!hasFeature(dojo.plan, "emailCampaigns")) {
    return (
      <>
        <PageHeader title="Campaigns" description={description} />
        <UpgradePrompt feature="emailCampaigns" plan={dojo.plan} icon={<Mail className="size-6" aria-hidden />}>
          <p className="text-sm text-stone-600">E-mail all your members at once, each mail with their own name and their own link to add a card.</p>
        </UpgradePrompt>
      </>
    );
  }
  const params = await searchParams;
  const { rows, total, page, pageSize } = await listCampaigns(await getDb(), dojo.id, pageFrom(params));
  const newButton = (
    <Button asChild>
      <Link href="/campaigns/new">
        <Plus className="size-4" aria-hidden />
        New campaign
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader title="Campaigns" description={description} actions={newButton} />
      <Card>
        {total === 0 ? (
          <EmptyState title="No campaigns yet" description="Write to all your members at once, for example to ask them to add a card for their monthly fee." action={newButton} />
        ) : (
          <>
            {/* Phones: one card per campaign. */}
            <ul className="divide-y divide-stone-100 md:hidden">
              {rows.map((c) => (
                <li key={c.id}>
                  <Link href={`/campaigns/${c.id}`} className="block space-y-1 px-4 py-3 hover:bg-stone-50">
                    <p className="flex items-start justify-between gap-2">
                      <span className="font-medium break-words text-stone-900">{c.subject}</span>
                      <CampaignStatusBadge status={c.status} />
                    </p>
                    <p className="text-sm text-stone-500">
                      {formatDateTime(c.createdAt, dojo.timeZone)} · {c.sentCount} of {c.recipientCount - c.skippedCount} sent
                      {c.failedCount > 0 && ` · ${c.failedCount} failed`}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="hidden md:block">
              <Table>
                <thead>
                  <tr>
                    <Th>Subject</Th>
                    <Th>Created</Th>
                    <Th>Status</Th>
                    <Th className="text-right">Sent</Th>
                    <Th className="text-right">Failed</Th>
                    <Th className="text-right">Skipped</Th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id} className="hover:bg-stone-50">
                      <Td className="max-w-md">
                        <Link href={`/campaigns/${c.id}`} className="font-medium break-words text-brand-700 hover:underline">
                          {c.subject}
                        </Link>
                      </Td>
                      <Td className="whitespace-nowrap text-stone-600">
                        {formatDateTime(c.createdAt, dojo.timeZone)}
                        {c.createdBy && <span className="block text-xs text-stone-500">by {c.createdBy}</span>}
                      </Td>
                      <Td>
                        <CampaignStatusBadge status={c.status} />
                      </Td>
                      <Td className="text-right tabular-nums">
                        {c.sentCount} / {c.recipientCount - c.skippedCount}
                      </Td>
                      <Td className="text-right tabular-nums">{c.failedCount}</Td>
                      <Td className="text-right tabular-nums">{c.skippedCount}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} href={(p) => hrefWith("/campaigns", params, { page: p })} />
          </>
        )}
      </Card>
    </>
  );
}
