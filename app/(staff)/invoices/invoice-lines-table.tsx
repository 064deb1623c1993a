import type { InvoiceLine } from "@/db/schema";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";

interface InvoiceLinesTableProps {
  lines: Pick<InvoiceLine, "id" | "description" | "quantity" | "unitPriceMinor" | "amountMinor">[];
  currency: string;
  totalMinor: number;
  paidMinor: number;
}

/** The lines and totals of an invoice; shared by the invoice page and its printable version. */
export function InvoiceLinesTable({ lines, currency, totalMinor, paidMinor }: InvoiceLinesTableProps) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <Table>
      <thead>
        <tr>
          <Th>Description</Th>
          <Th className="text-right">Qty</Th>
          <Th className="text-right">Unit price</Th>
          <Th className="text-right">Amount</Th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <Td className="min-w-40 whitespace-pre-line">{line.description}</Td>
            <Td className="text-right tabular-nums">{line.quantity}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{money(line.unitPriceMinor)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{money(line.amountMinor)}</Td>
          </tr>
        ))}
      </tbody>
      <tfoot className="font-medium">
        <tr>
          <Td colSpan={3} className="border-b-0 text-right">
            Total
          </Td>
          <Td className="border-b-0 text-right text-base font-semibold whitespace-nowrap tabular-nums">{money(totalMinor)}</Td>
        </tr>
        {paidMinor > 0 && (
          <>
            <tr>
              <Td colSpan={3} className="border-b-0 py-1 text-right text-stone-500">
                Paid
              </Td>
              <Td className="border-b-0 py-1 text-right whitespace-nowrap text-stone-500 tabular-nums">−{money(paidMinor)}</Td>
            </tr>
            <tr>
              <Td colSpan={3} className="border-b-0 text-right">
                Open
              </Td>
              <Td className="border-b-0 text-right whitespace-nowrap tabular-nums">{money(totalMinor - paidMinor)}</Td>
            </tr>
          </>
        )}
      </tfoot>
    </Table>
  );
}
