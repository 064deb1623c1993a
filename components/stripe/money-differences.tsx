"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { formatIn } from "@/lib/i18n/format";
import type { MoneyDifference } from "@/lib/stripe/money-check/types";

type Settle = (input: { stripeId: string }) => Promise<ActionResult<{ settled: boolean; differences: number | null }>>;

/** The money check's differences, each with what settles it (for those allowed to refund). */
export function MoneyDifferences({ differences, timeZone, mayAct, record, refund }: { differences: MoneyDifference[]; timeZone: string; mayAct: boolean; record: Settle; refund: Settle }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.settings.stripe");
  const f = formatIn(useLocale());
  // byHand.<kind>: what a person does about a difference no button settles (none is written for a charge Tatami never recorded).
  const amount = (minor: number | null, currency: string) => (minor === null ? t("moneyDifferences.nothing") : f.money(minor, currency));
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
    const description = left === null ? t("moneyDifferences.notAskedAgain") : left === 0 ? t("moneyCheck.agree") : t("moneyDifferences.left", { count: left });
    toast({ tone: "success", title: result.data.settled ? done : t("moneyDifferences.alreadySettled"), description });
    router.refresh();
    return true;
  }

  return (
    <ul className="divide-y divide-stone-100" data-testid="money-differences">
      {differences.map((d) => (
        <li key={`${d.kind}-${d.stripeId}`} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:px-5" data-testid="money-difference">
          <div className="min-w-0 space-y-0.5">
            <p className="font-medium text-stone-900">{t(`moneyDifferences.kinds.${d.kind}`)}</p>
            <p className="text-sm text-stone-700 tabular-nums">
              {t("moneyDifferences.atStripe", { amount: amount(d.stripeMinor, d.currency) })} · {t("moneyDifferences.inTatami", { amount: amount(d.tatamiMinor, d.currency) })}
            </p>
            <p className="text-xs text-stone-500">
              {f.date(new Date(d.at), timeZone)}
              {d.invoiceId && (
                <>
                  {" · "}
                  <Link href={`/invoices/${d.invoiceId}`} className="text-brand-700 hover:underline">
                    {t("moneyDifferences.invoice", { number: d.invoiceNumber ?? t("moneyDifferences.draft") })}
                  </Link>
                </>
              )}
              {" · "}
              <span className="font-mono break-all">{d.stripeId}</span>
            </p>
            {d.actions.length === 0 && d.kind !== "charge_not_recorded" && <p className="text-xs text-stone-600">{t(`moneyDifferences.byHand.${d.kind}`)}</p>}
          </div>
          {mayAct && d.actions.length > 0 && (
            <div className="flex shrink-0 flex-wrap gap-2">
              {d.actions.includes("record") && (
                <Button size="sm" variant="secondary" pending={busy === d.stripeId} onClick={() => run(record, d, t("moneyDifferences.recorded"))}>
                  {t(d.kind === "refund_not_at_stripe" ? "moneyDifferences.bookFailure" : "moneyDifferences.record")}
                </Button>
              )}
              {d.actions.includes("refund") && (
                <ConfirmDialog
                  trigger={
                    <Button size="sm" variant="secondary" disabled={busy === d.stripeId}>
                      {t("moneyDifferences.refund")}
                    </Button>
                  }
                  title={t("moneyDifferences.refundTitle", { amount: amount(d.stripeMinor, d.currency) })}
                  description={t("moneyDifferences.refundDescription")}
                  confirmLabel={t("moneyDifferences.refundConfirm")}
                  destructive
                  onConfirm={() => run(refund, d, t("moneyDifferences.refunded"))}
                />
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
