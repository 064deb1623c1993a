import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { staffT } from "@/lib/i18n/staff-session";

export async function BackLink() {
  const t = await staffT("staff.members");
  return (
    <Link href="/members" className="mb-3 inline-flex items-center gap-1 text-sm text-stone-500 hover:text-stone-800">
      <ArrowLeft className="size-4" aria-hidden />
      {t("title")}
    </Link>
  );
}
