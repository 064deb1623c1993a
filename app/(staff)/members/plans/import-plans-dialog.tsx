"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Download } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { moneyLocale, type Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import type { StripePriceChoice } from "@/lib/subscriptions/plans";
import { intervalKey } from "../interval";
import { importPlansAction, listStripePricesAction } from "./actions";

type Listing = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; choices: StripePriceChoice[] };


/** "Import from Stripe": the account's active recurring prices with checkboxes; only the chosen ones become plans. */
export function ImportPlansDialog() {
  const router = useRouter();
  const toast = useToast();
  const members = useTranslations("staff.members");
  const t = useTranslations("staff.members.plans");
  const locale = moneyLocale(useLocale() as Locale);
  const priceLabel = (choice: StripePriceChoice) =>
    t("price", {
      amount: choice.amountMinor === null ? t("import.tiered") : formatMoney(choice.amountMinor, choice.currency, locale),
      interval: members(intervalKey(choice.interval), { count: choice.intervalCount }),
    });
  const [open, setOpen] = useState(false);
  const [listing, setListing] = useState<Listing>({ kind: "loading" });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function load() {
    setListing({ kind: "loading" });
    setChosen(new Set());
    setError(null);
    const result = await listStripePricesAction({});
    setListing(result.ok ? { kind: "ready", choices: result.data } : { kind: "error", message: result.error });
  }

  const choices = listing.kind === "ready" ? listing.choices : [];
  const available = choices.filter((c) => c.state === "available");
  const allChosen = available.length > 0 && available.every((c) => chosen.has(c.priceId));
  const toggle = (priceId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(priceId);
      else next.delete(priceId);
      return next;
    });

  async function submit() {
    setError(null);
    setPending(true);
    const result = await importPlansAction({ priceIds: [...chosen] });
    setPending(false);
    if (!result.ok) return setError(result.fieldErrors?.priceIds?.[0] ?? result.error);
    const { imported } = result.data;
    toast({ tone: "success", title: imported ? t("import.imported", { n: imported }) : t("import.already") });
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
      trigger={
        <Button variant="secondary">
          <Download className="size-4" aria-hidden />
          {t("import.trigger")}
        </Button>
      }
      title={t("import.title")}
      description={t("import.description")}
    >
      <div className="space-y-4">
        <FormError message={error} />
        {listing.kind === "loading" && (
          <p role="status" className="py-6 text-center text-sm text-stone-600">
            {t("import.reading")}
          </p>
        )}
        {listing.kind === "error" && (
          <div className="space-y-3">
            <FormError message={listing.message} />
            <Button variant="secondary" onClick={() => void load()}>
              {t("import.retry")}
            </Button>
          </div>
        )}
        {listing.kind === "ready" && choices.length === 0 && (
          <EmptyState title={t("import.noneTitle")} description={t("import.noneDescription")} />
        )}
        {listing.kind === "ready" && choices.length > 0 && (
          <>
            {available.length === 0 ? (
              <p role="status" className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700">
                {t("import.nothingNew")}
              </p>
            ) : (
              <label className="flex items-center gap-2 text-sm font-medium text-stone-700">
                <input type="checkbox" className="size-4 accent-brand-600" checked={allChosen} onChange={(e) => setChosen(e.target.checked ? new Set(available.map((c) => c.priceId)) : new Set())} />
                {t("import.selectAll", { n: available.length })}
              </label>
            )}
            <ul className="divide-y divide-stone-100 rounded-md border border-stone-200" data-testid="stripe-prices">
              {choices.map((choice) => {
                const disabled = choice.state !== "available";
                return (
                  <li key={choice.priceId}>
                    <label className={`flex items-start gap-3 px-3 py-2.5 text-sm ${disabled ? "cursor-not-allowed bg-stone-50/60" : "cursor-pointer hover:bg-stone-50"}`}>
                      <input
                        type="checkbox"
                        className="mt-0.5 size-4 shrink-0 accent-brand-600"
                        disabled={disabled}
                        checked={choice.state === "imported" || chosen.has(choice.priceId)}
                        onChange={(e) => toggle(choice.priceId, e.target.checked)}
                        aria-describedby={`${choice.priceId}-about`}
                      />
                      <span className="min-w-0 flex-1">
                        <span className="flex flex-wrap items-center gap-2">
                          <span className={`font-medium break-words ${disabled ? "text-stone-500" : "text-stone-900"}`}>{choice.name}</span>
                          {choice.state === "imported" && <Badge tone="green">{t("import.importedBadge")}</Badge>}
                        </span>
                        <span id={`${choice.priceId}-about`} className="block text-stone-600 tabular-nums">
                          {priceLabel(choice)}
                          {choice.reason && <span className="block text-xs text-amber-800">{choice.reason}</span>}
                        </span>
                        <span className="block font-mono text-xs break-all text-stone-400">{choice.priceId}</span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t("import.cancel")}
              </Button>
              <Button onClick={() => void submit()} pending={pending} disabled={chosen.size === 0}>
                {chosen.size === 0 ? t("import.choose") : t("import.submit", { n: chosen.size })}
              </Button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
