import type { ReactNode } from "react";
import type { InvoiceLine } from "@/db/schema";
import { Table, Td, Th } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import { invoiceDocumentText } from "@/lib/invoices/document-text";
import { cn } from "@/lib/cn";

interface InvoiceLinesTableProps {
  lines: Pick<InvoiceLine, "id" | "description" | "quantity" | "unitPriceMinor" | "amountMinor">[];
  currency: string;
  totalMinor: number;
  paidMinor: number;
  /** The reader's: the staff member's on the invoice page, the member's on the printed invoice. */
  locale: Locale;
}

/** The lines and totals of an invoice; shared by the invoice page and its printable version. */
export function InvoiceLinesTable({ lines, currency, totalMinor, paidMinor, locale }: InvoiceLinesTableProps) {
  const text = invoiceDocumentText(locale);
  const t = text.t;
  const money = (minor: number) => text.money(minor, currency);
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("description")}</Th>
          <Th className="hidden text-right sm:table-cell">{t("quantity")}</Th>
          <Th className="hidden text-right sm:table-cell">{t("unitPrice")}</Th>
          <Th className="text-right">{t("amount")}</Th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <Td className="min-w-40 whitespace-pre-line">
              {line.description}
              {/* On a phone quantity and unit price fold under the description. */}
              <span className="block text-xs text-stone-500 tabular-nums sm:hidden">
                {line.quantity} × {money(line.unitPriceMinor)}
              </span>
            </Td>
            <Td className="hidden text-right tabular-nums sm:table-cell">{line.quantity}</Td>
            <Td className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{money(line.unitPriceMinor)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{money(line.amountMinor)}</Td>
          </tr>
        ))}
      </tbody>
      <tfoot className="font-medium">
        <FootRow label={t("total")} valueClassName="text-base font-semibold">
          {money(totalMinor)}
        </FootRow>
        {paidMinor > 0 && (
          <>
            <FootRow label={t("paid")} className="py-1 text-stone-500">
              −{money(paidMinor)}
            </FootRow>
            <FootRow label={t("open")}>{money(totalMinor - paidMinor)}</FootRow>
          </>
        )}
      </tfoot>
    </Table>
  );
}

/** A totals row: its label spans the description, quantity and unit price columns, as many as are shown. */
function FootRow({ label, className, valueClassName, children }: { label: string; className?: string; valueClassName?: string; children: ReactNode }) {
  const cell = cn("border-b-0 text-right", className);
  return (
    <tr>
      <Td colSpan={3} className={cn(cell, "hidden sm:table-cell")}>
        {label}
      </Td>
      <Td className={cn(cell, "sm:hidden")}>{label}</Td>
      <Td className={cn(cell, "whitespace-nowrap tabular-nums", valueClassName)}>{children}</Td>
    </tr>
  );
}
