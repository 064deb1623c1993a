"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { StripeCustomerImport } from "@/db/schema";

type ImportView = Pick<StripeCustomerImport, "customerId" | "status" | "found" | "imported" | "error">;

/** Where the import of the linked customer's past payments stands; refreshes itself while it runs. */
export function CustomerImportStatus({ value }: { value: ImportView }) {
  const router = useRouter();
  const t = useTranslations("staff.members.member.customerImport");
  const busy = value.status === "queued" || value.status === "running";
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [busy, router]);

  if (value.status === "failed") {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="customer-import">
        {t("failed", { customerId: value.customerId, error: value.error ?? "" })}
      </p>
    );
  }
  if (busy) {
    return (
      <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="customer-import">
        {t("busy")} {value.found > 0 && t("soFar", { found: value.found })}
        {value.error && <span className="block text-xs">{t("retrying", { error: value.error })}</span>}
      </p>
    );
  }
  return (
    <p role="status" className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700" data-testid="customer-import">
      {value.found === 0 ? t("none") : value.imported < value.found ? t("doneSome", { found: value.found, imported: value.imported }) : t("done", { found: value.found })}
    </p>
  );
}
