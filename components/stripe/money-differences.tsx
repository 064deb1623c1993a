"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { DIFFERENCE_LABELS, type MoneyDifference } from "@/lib/stripe/money-check/types";

type Settle = (input: { stripeId: string }) => Promise<ActionResult<{ settled: boolean; differences: number | null }>>;

const amount = (minor: number | null, currency: string) => (minor === null ? "nothing" : formatMoney(minor, currency));

// What a person does about a difference no button settles.
const BY_HAND: Partial<Record<MoneyDifference["kind"], string>> = {
  charge_not_at_stripe: "Look the payment up in the Stripe dashboard; if it never happened, correct the invoice's payment by hand.",
  amount_differs: "Compare the amounts in the Stripe dashboard and correct the invoice by hand.",
  refund_not_at_stripe: "Look the refund up in the Stripe dashboard; if it never happened, make it again from the invoice.",
  refund_not_recorded: "Stripe made this refund after Tatami booked it back as failed. Look it up in the Stripe dashboard.",
};

/** The money check's differences, each with what settles it (for those allowed to refund). */
export function MoneyDifferences({ differences, timeZone, mayAct, record, refund }: { differences: MoneyDifference[]; timeZone: string; mayAct: boolean; record: Settle; refund: Settle }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);

  async function run(action: Settle, d: MoneyDifference, done: string): Promise<boolean> {
    setBusy(d.stripeId);
    const result = await action({ stripeId: d.stripeId });
    setBusy(null);
    if (!result.ok) {
      toast({ tone: "error", title: result.error });
      return false;
    }
    const left = result.data.differences;
    const description = left === null ? "Stripe could not be asked again just now; the list updates at the next check." : left === 0 ? "Stripe and Tatami agree." : `${left} difference${left === 1 ? "" : "s"} left.`;
    toast({ tone: "success", title: result.data.settled ? done : "Already settled", description });
    router.refresh();
    return true;
  }

  return (
    <ul className="divide-y divide-stone-100" data-testid="money-differences">
      {differences.map((d) => (
        <li key={`${d.kind}-${d.stripeId}`} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:px-5" data-testid="money-difference">
          <div className="min-w-0 space-y-0.5">
            <p className="font-medium text-stone-900">{DIFFERENCE_LABELS[d.kind]}</p>
            <p className="text-sm text-stone-700 tabular-nums">
              Stripe: {amount(d.stripeMinor, d.currency)} · Tatami: {amount(d.tatamiMinor, d.currency)}
            </p>
            <p className="text-xs text-stone-500">
              {formatDate(new Date(d.at), timeZone)}
              {d.invoiceId && (
                <>
                  {" · "}
                  <Link href={`/invoices/${d.invoiceId}`} className="text-brand-700 hover:underline">
                    Invoice {d.invoiceNumber ?? "draft"}
                  </Link>
                </>
              )}
              {" · "}
              <span className="font-mono break-all">{d.stripeId}</span>
            </p>
            {d.actions.length === 0 && <p className="text-xs text-stone-600">{BY_HAND[d.kind]}</p>}
          </div>
          {mayAct && d.actions.length > 0 && (
            <div className="flex shrink-0 flex-wrap gap-2">
              {d.actions.includes("record") && (
                <Button size="sm" variant="secondary" pending={busy === d.stripeId} onClick={() => run(record, d, "Recorded in Tatami")}>
                  {d.kind === "refund_not_at_stripe" ? "Book the failure" : "Record it"}
                </Button>
              )}
              {d.actions.includes("refund") && (
                <ConfirmDialog
                  trigger={
                    <Button size="sm" variant="secondary" disabled={busy === d.stripeId}>
                      Refund it
                    </Button>
                  }
                  title={`Refund ${amount(d.stripeMinor, d.currency)}?`}
                  description="Stripe gives this payment back to the card that paid it. Tatami never recorded it, so nothing changes on any invoice."
                  confirmLabel="Refund"
                  destructive
                  onConfirm={() => run(refund, d, "Refunded at Stripe")}
                />
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
