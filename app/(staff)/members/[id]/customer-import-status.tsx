"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import type { StripeCustomerImport } from "@/db/schema";

type ImportView = Pick<StripeCustomerImport, "customerId" | "status" | "found" | "imported" | "error">;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Where the import of the linked customer's past payments stands; refreshes itself while it runs. */
export function CustomerImportStatus({ value }: { value: ImportView }) {
  const router = useRouter();
  const busy = value.status === "queued" || value.status === "running";
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [busy, router]);

  if (value.status === "failed") {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="customer-import">
        The past payments of {value.customerId} could not be imported from Stripe: {value.error}. Set the customer ID again to retry.
      </p>
    );
  }
  if (busy) {
    return (
      <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="customer-import">
        Importing past payments from Stripe… {value.found > 0 && `${plural(value.found, "paid invoice", "paid invoices")} so far.`}
        {value.error && <span className="block text-xs">Retrying after: {value.error}</span>}
      </p>
    );
  }
  return (
    <p role="status" className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700" data-testid="customer-import">
      {value.found === 0
        ? "Stripe had no paid subscription invoices of this customer to import."
        : `${plural(value.found, "paid subscription invoice", "paid subscription invoices")} from Stripe ${value.found === 1 ? "is" : "are"} in Tatami with ${value.found === 1 ? "its" : "their"} revenue${
            value.imported < value.found ? ` (${value.imported} imported now, the others were already here)` : ""
          }.`}
    </p>
  );
}
