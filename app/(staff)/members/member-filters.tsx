import Form from "next/form";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { MemberStatusFilter } from "@/lib/members/schemas";

/** A GET form, so every search is a URL that can be bookmarked and shared. */
export function MemberFilters({ q, status }: { q: string; status: MemberStatusFilter }) {
  return (
    <Form action="/members" role="search" className="flex flex-col gap-2 border-b border-stone-100 p-3 sm:flex-row sm:items-center">
      <div className="relative sm:max-w-sm sm:flex-1">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-stone-400" aria-hidden />
        <Input name="q" type="search" defaultValue={q} placeholder="Name, e-mail or UID" aria-label="Search members" className="pl-9" />
      </div>
      <Select name="status" defaultValue={status} aria-label="Status" className="sm:w-40">
        <option value="active">Active</option>
        <option value="inactive">Inactive</option>
        <option value="all">All members</option>
      </Select>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </Form>
  );
}
