import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getDb } from "@/db/client";
import { campaignRecipientStatusEnum, type CampaignRecipientStatus } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/session";
import { getCampaign, listCampaignRecipients } from "@/lib/campaigns/list";
import { hrefWith, pageFrom, paramOf } from "@/lib/pagination";
import { idSchema } from "@/lib/validation/common";
import { CampaignStatusBadge, RecipientStatusBadge } from "../campaign-status-badge";
import { AutoRefresh } from "./auto-refresh";
import { formatIn } from "@/lib/i18n/format";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { dojo } = await requireStaffPage("campaigns");
  const { id } = await params;
  const query = await searchParams;
  if (!idSchema.safeParse(id).success) notFound();
  const db = await getDb();
  const found = await getCampaign(db, dojo.id, id);
  if (!found) notFound();
  const { campaign, createdBy } = found;
  const statusParam = paramOf(query, "status");
  const status = (campaignRecipientStatusEnum.enumValues as readonly string[]).includes(statusParam) ? (statusParam as CampaignRecipientStatus) : null;
  const recipients = await listCampaignRecipients(db, dojo.id, campaign.id, { status, page: pageFrom(query) });

  const toSend = campaign.recipientCount - campaign.skippedCount;
  const done = campaign.sentCount + campaign.failedCount;
  const percent = toSend === 0 ? 100 : Math.round((done / toSend) * 100);
  const running = campaign.status === "queued" || campaign.status === "sending";
  const path = `/campaigns/${campaign.id}`;
  const t = await staffT("staff.campaigns");
  const f = formatIn(await staffLocale());
  const created = f.dateTime(campaign.createdAt, dojo.timeZone);

  return (
    <>
      <AutoRefresh active={running} />
      <Link href="/campaigns" className="mb-3 inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
        <ArrowLeft className="size-4" aria-hidden /> {t("title")}
      </Link>
      <PageHeader title={campaign.subject} description={createdBy ? t("detail.createdOnBy", { date: created, name: createdBy }) : t("detail.createdOn", { date: created })} actions={<CampaignStatusBadge status={campaign.status} />} />

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div className="space-y-6">
          <Card>
            <CardBody className="space-y-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <p className="font-medium text-stone-900">
                  {running ? t("detail.sending") : campaign.status === "sent" ? t("detail.finished") : campaign.status === "failed" ? t("detail.stopped") : t("detail.notSent")}
                </p>
                <p className="text-stone-600 tabular-nums">
                  {t("sentOf", { sent: campaign.sentCount, total: toSend })}
                  {campaign.failedCount > 0 && ` · ${t("failedCount", { count: campaign.failedCount })}`} · {t("skippedCount", { count: campaign.skippedCount })}
                </p>
              </div>
              <div role="progressbar" aria-label={t("detail.progress")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-3 overflow-hidden rounded-full bg-stone-100">
                <div className={`h-full rounded-full transition-all ${campaign.failedCount > 0 && !running ? "bg-amber-500" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
              </div>
              {campaign.lastError && <p className="text-sm text-red-600">{campaign.lastError}</p>}
              {running && <p className="text-xs text-stone-500">{t("detail.batches")}</p>}
            </CardBody>
          </Card>

          <Card>
            <CardHeader title={t("detail.recipients")} description={t("detail.recipientsDescription")} />
            <form method="get" className="flex flex-wrap items-end gap-2 px-4 pt-3 sm:px-5">
              <label className="basis-44">
                <span className="sr-only">{t("status")}</span>
                <Select name="status" defaultValue={status ?? ""}>
                  <option value="">{t("detail.allStatuses")}</option>
                  {campaignRecipientStatusEnum.enumValues.map((s) => (
                    <option key={s} value={s}>
                      {t(`recipientStatus.${s}`)}
                    </option>
                  ))}
                </Select>
              </label>
              <Button type="submit" variant="secondary">
                {t("detail.filter")}
              </Button>
            </form>
            {recipients.total === 0 ? (
              <EmptyState title={t("detail.noneWithStatus")} />
            ) : (
              <>
                <Table className="mt-3">
                  <thead>
                    <tr>
                      <Th>{t("detail.member")}</Th>
                      <Th>{t("status")}</Th>
                      <Th className="hidden sm:table-cell">{t("detail.messageId")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {recipients.rows.map((r) => (
                      <tr key={r.id}>
                        <Td>
                          <Link href={`/members/${r.memberId}`} className="font-medium text-stone-900 hover:underline">
                            {r.firstName} {r.lastName}
                          </Link>
                          <span className="block text-xs break-all text-stone-500">{r.email ?? t("detail.noEmail")}</span>
                        </Td>
                        <Td>
                          <RecipientStatusBadge status={r.status} />
                          {r.reason && <span className="mt-1 block max-w-xs text-xs text-stone-500">{r.reason}</span>}
                          {r.providerMessageId && <span className="mt-1 block font-mono text-[11px] break-all text-stone-500 sm:hidden">{r.providerMessageId}</span>}
                        </Td>
                        <Td className="hidden font-mono text-xs break-all text-stone-600 sm:table-cell">{r.providerMessageId ?? "—"}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
                <Pagination page={recipients.page} pageSize={recipients.pageSize} total={recipients.total} href={(p) => hrefWith(path, query, { page: p })} />
              </>
            )}
          </Card>
        </div>

        <Card>
          <CardHeader title={t("detail.message")} description={t("detail.messageDescription")} />
          <CardBody className="space-y-2">
            <p className="text-sm font-medium break-words text-stone-900">{campaign.subject}</p>
            <pre className="max-h-96 overflow-auto font-sans text-sm whitespace-pre-wrap text-stone-700">{campaign.body}</pre>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
