import Form from "next/form";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { staffT } from "@/lib/i18n/staff-session";
import type { MemberStatusFilter } from "@/lib/members/schemas";

/** A GET form, so every search is a URL that can be bookmarked and shared. */
export async function MemberFilters({ q, status }: { q: string; status: MemberStatusFilter }) {
  const t = await staffT("staff.members");
  return (
    <Form action="/members" role="search" className="flex flex-col gap-2 border-b border-stone-100 p-3 sm:flex-row sm:items-center">
      <div className="relative sm:max-w-sm sm:flex-1">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-stone-400" aria-hidden />
        <Input name="q" type="search" defaultValue={q} placeholder={t("list.filters.placeholder")} aria-label={t("list.filters.label")} className="pl-9" />
      </div>
      <Select name="status" defaultValue={status} aria-label={t("list.filters.status")} className="sm:w-40">
        <option value="active">{t("status.active")}</option>
        <option value="inactive">{t("status.inactive")}</option>
        <option value="all">{t("list.filters.all")}</option>
      </Select>
      <Button type="submit" variant="secondary">
        {t("list.filters.submit")}
      </Button>
    </Form>
  );
}
