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
import { formatIn } from "@/lib/i18n/format";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";

export async function generateMetadata() {
  return { title: (await staffT("staff.campaigns"))("title") };
}

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { dojo } = await requireStaffPage("campaigns");
  const t = await staffT("staff.campaigns");
  const f = formatIn(await staffLocale());
  const description = t("description");
  if (!hasFeature(dojo.plan, "emailCampaigns")) {
    return (
      <>
        <PageHeader title={t("title")} description={description} />
        <UpgradePrompt feature="emailCampaigns" plan={dojo.plan} icon={<Mail className="size-6" aria-hidden />}>
          <p className="text-sm text-stone-600">{t("upgrade")}</p>
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
        {t("new")}
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader title={t("title")} description={description} actions={newButton} />
      <Card>
        {total === 0 ? (
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} action={newButton} />
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
                      {f.dateTime(c.createdAt, dojo.timeZone)} · {t("sentOf", { sent: c.sentCount, total: c.recipientCount - c.skippedCount })}
                      {c.failedCount > 0 && ` · ${t("failedCount", { count: c.failedCount })}`}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="hidden md:block">
              <Table>
                <thead>
                  <tr>
                    <Th>{t("subject")}</Th>
                    <Th>{t("created")}</Th>
                    <Th>{t("status")}</Th>
                    <Th className="text-right">{t("sent")}</Th>
                    <Th className="text-right">{t("failed")}</Th>
                    <Th className="text-right">{t("skipped")}</Th>
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
                        {f.dateTime(c.createdAt, dojo.timeZone)}
                        {c.createdBy && <span className="block text-xs text-stone-500">{t("by", { name: c.createdBy })}</span>}
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
