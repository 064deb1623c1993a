import type { Metadata } from "next";
import Link from "next/link";
import Form from "next/form";
import { Search } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff-session";
import { listFamilies, membersWithoutFamily } from "@/lib/families/read";
import { paramOf, type SearchParams } from "@/lib/pagination";
import { BackLink } from "../back-link";
import { FamilyDiscountForm } from "./family-buttons";
import { FamilyFormDialog } from "./family-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.members.families"))("title") };
}

export default async function FamiliesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo, user } = await requireStaffPage("members");
  const q = paramOf(await searchParams, "q");
  const db = await getDb();
  const [rows, options] = await Promise.all([listFamilies(db, dojo.id, q), membersWithoutFamily(db, dojo.id)]);
  const t = await staffT("staff.members.families");
  const create = <FamilyFormDialog memberOptions={options} />;
  return (
    <>
      <BackLink />
      <PageHeader title={t("title")} description={t("description")} actions={create} />
      {can(user.role, "settings") && (
        <Card className="mb-4 p-3">
          <FamilyDiscountForm percent={dojo.familyDiscountPercent} />
        </Card>
      )}
      <Card>
        <Form action="/members/families" role="search" className="flex flex-col gap-2 border-b border-stone-100 p-3 sm:flex-row sm:items-center">
          <div className="relative sm:max-w-sm sm:flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-stone-400" aria-hidden />
            <Input name="q" type="search" defaultValue={q} placeholder={t("search.placeholder")} aria-label={t("search.label")} className="pl-9" />
          </div>
          <Button type="submit" variant="secondary">
            {t("search.submit")}
          </Button>
        </Form>
        {rows.length === 0 ? (
          q ? (
            <EmptyState title={t("notFound.title")} description={t("notFound.description", { q })} action={<Button asChild variant="secondary"><Link href="/members/families">{t("notFound.showAll")}</Link></Button>} />
          ) : (
            <EmptyState title={t("empty.title")} description={t("empty.description")} action={create} />
          )
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("columns.family")}</Th>
                <Th>{t("columns.payer")}</Th>
                <Th className="text-right">{t("columns.members")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id} data-testid="family-row">
                  <Td className="font-medium text-stone-900">
                    <Link href={`/members/families/${f.id}`} className="hover:underline">
                      {f.name}
                    </Link>
                  </Td>
                  <Td>{f.payerName}</Td>
                  <Td className="text-right tabular-nums">{f.memberCount}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
