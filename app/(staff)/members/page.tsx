import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Upload } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireStaffPage } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff-session";
import { hasFeature } from "@/lib/account-plans/features";
import { dojoHasMembers, listMembers } from "@/lib/members/list";
import { statusFilterSchema } from "@/lib/members/schemas";
import { hrefWith, pageFrom, paramOf, type SearchParams } from "@/lib/pagination";
import { MemberFilters } from "./member-filters";
import { MemberList } from "./member-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.members"))("title") };
}

export default async function MembersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("members");
  const params = await searchParams;
  const q = paramOf(params, "q");
  const status = statusFilterSchema.parse(paramOf(params, "status") || undefined);
  const db = await getDb();
  const t = await staffT("staff.members");
  const list = await listMembers(db, dojo.id, { q, status, page: pageFrom(params) });
  const addButton = (
    <Button asChild>
      <Link href="/members/new">
        <Plus className="size-4" aria-hidden />
        {t("list.add")}
      </Link>
    </Button>
  );
  const current = { q, status };

  let body;
  if (list.rows.length > 0) {
    body = (
      <>
        <MemberList members={list.rows} />
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => hrefWith("/members", current, { page })} />
      </>
    );
  } else if (!(await dojoHasMembers(db, dojo.id))) {
    body = (
      <EmptyState
        title={t("list.empty.title")}
        description={t("list.empty.description")}
        action={
          <div className="flex flex-wrap justify-center gap-2">
            {addButton}
            <Button asChild variant="secondary">
              <Link href="/members/import">{t("list.empty.import")}</Link>
            </Button>
          </div>
        }
      />
    );
  } else if (list.total > 0) {
    // A page number past the end, e.g. from an old link after members were deactivated.
    body = <EmptyState title={t("list.pastEnd.title")} action={<Button asChild variant="secondary"><Link href={hrefWith("/members", current, { page: 1 })}>{t("list.pastEnd.first")}</Link></Button>} />;
  } else {
    body = (
      <EmptyState
        title={t("list.notFound.title")}
        description={q ? t(`list.notFound.noMatch.${status}`, { q }) : t(`list.notFound.none.${status}`)}
        action={
          <Button asChild variant="secondary">
            <Link href={hrefWith("/members", {}, { status: "all" })}>{t("list.notFound.showAll")}</Link>
          </Button>
        }
      />
    );
  }

  const count = t(`list.count.${status}`, { n: list.total });
  return (
    <>
      <PageHeader title={t("title")} description={q ? t("list.matching", { count, q }) : count} actions={
          <>
            <Button asChild variant="secondary">
              <Link href="/members/families">{t("list.families")}</Link>
            </Button>
            {hasFeature(dojo.plan, "subscriptions") && (
              <Button asChild variant="secondary">
                <Link href="/members/plans">{t("list.plans")}</Link>
              </Button>
            )}
            <Button asChild variant="secondary">
              <Link href="/members/import">
                <Upload className="size-4" aria-hidden />
                {t("list.import")}
              </Link>
            </Button>
            <DownloadLink href="/members/export">{t("list.export")}</DownloadLink>
            {addButton}
          </>
        }
      />
      <Card>
        <MemberFilters q={q} status={status} />
        {body}
      </Card>
    </>
  );
}
