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
import { hasFeature } from "@/lib/account-plans/features";
import { dojoHasMembers, listMembers } from "@/lib/members/list";
import { statusFilterSchema } from "@/lib/members/schemas";
import { hrefWith, pageFrom, paramOf, type SearchParams } from "@/lib/pagination";
import { MemberFilters } from "./member-filters";
import { MemberList } from "./member-list";

export const metadata = { title: "Members" };

export default async function MembersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("members");
  const params = await searchParams;
  const q = paramOf(params, "q");
  const status = statusFilterSchema.parse(paramOf(params, "status") || undefined);
  const db = await getDb();
  const list = await listMembers(db, dojo.id, { q, status, page: pageFrom(params) });
  const addButton = (
    <Button asChild>
      <Link href="/members/new">
        <Plus className="size-4" aria-hidden />
        Add member
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
        title="No members yet"
        description="Add your first member to give them a UID for the members area and start invoicing, or import your members from a CSV file."
        action={
          <div className="flex flex-wrap justify-center gap-2">
            {addButton}
            <Button asChild variant="secondary">
              <Link href="/members/import">Import from CSV</Link>
            </Button>
          </div>
        }
      />
    );
  } else if (list.total > 0) {
    // A page number past the end, e.g. from an old link after members were deactivated.
    body = <EmptyState title="Nothing on this page" action={<Button asChild variant="secondary"><Link href={hrefWith("/members", current, { page: 1 })}>Go to the first page</Link></Button>} />;
  } else {
    body = (
      <EmptyState
        title="No members found"
        description={q ? <>No {status === "all" ? "" : `${status} `}member matches “{q}”.</> : `There are no ${status} members.`}
        action={
          <Button asChild variant="secondary">
            <Link href={hrefWith("/members", {}, { status: "all" })}>Show all members</Link>
          </Button>
        }
      />
    );
  }

  return (
    <>
      <PageHeader title="Members" description={`${list.total} ${status === "all" ? "" : `${status} `}member${list.total === 1 ? "" : "s"}${q ? ` matching “${q}”` : ""}`} actions={
          <>
            {hasFeature(dojo.plan, "subscriptions") && (
              <Button asChild variant="secondary">
                <Link href="/members/plans">Plans</Link>
              </Button>
            )}
            <Button asChild variant="secondary">
              <Link href="/members/import">
                <Upload className="size-4" aria-hidden />
                Import
              </Link>
            </Button>
            <DownloadLink href="/members/export">Export CSV</DownloadLink>
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
