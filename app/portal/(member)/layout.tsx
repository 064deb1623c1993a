import Link from "next/link";
import { Button } from "@/components/ui/button";
import { requireMemberPage } from "@/lib/auth/session";
import { logOutMember } from "./actions";

// Members open this on their phones: one narrow column, the dojo's name up top, log out in reach.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const { dojo, member } = await requireMemberPage();
  return (
    <div className="min-h-dvh">
      <header className="no-print sticky top-0 z-30 border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 px-4 py-3">
          <Link href="/portal" className="min-w-0">
            <p className="truncate text-base font-semibold text-stone-900">{dojo.name}</p>
            <p className="truncate text-xs text-stone-500">
              {member.firstName} {member.lastName}
            </p>
          </Link>
          <form action={logOutMember}>
            <Button type="submit" variant="secondary" size="sm">
              Log out
            </Button>
          </form>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </div>
  );
}
