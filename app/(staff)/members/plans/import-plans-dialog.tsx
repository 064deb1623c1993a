"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Download } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError } from "@/components/forms/form-error";
import { useToast } from "@/components/ui/toast";
import { formatMoney } from "@/lib/money";
import { intervalLabel } from "@/lib/subscriptions/labels";
import type { StripePriceChoice } from "@/lib/subscriptions/plans";
import { importPlansAction, listStripePricesAction } from "./actions";

type Listing = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; choices: StripePriceChoice[] };

function priceLabel(choice: StripePriceChoice): string {
  const amount = choice.amountMinor === null ? "Tiered or metered" : formatMoney(choice.amountMinor, choice.currency);
  return `${amount} ${intervalLabel(choice.interval, choice.intervalCount)}`;
}

/** "Import from Stripe": the account's active recurring prices with checkboxes; only the chosen ones become plans. */
export function ImportPlansDialog() {
  const router = useRouter();
  const toast = useToast();
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
    toast({ tone: "success", title: imported ? `${imported} plan${imported === 1 ? "" : "s"} imported from Stripe` : "These prices were imported already" });
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
          Import from Stripe
        </Button>
      }
      title="Import plans from Stripe"
      description="The active recurring prices in your Stripe account. Choose the ones members can subscribe to here."
    >
      <div className="space-y-4">
        <FormError message={error} />
        {listing.kind === "loading" && (
          <p role="status" className="py-6 text-center text-sm text-stone-600">
            Reading your prices in Stripe…
          </p>
        )}
        {listing.kind === "error" && (
          <div className="space-y-3">
            <FormError message={listing.message} />
            <Button variant="secondary" onClick={() => void load()}>
              Try again
            </Button>
          </div>
        )}
        {listing.kind === "ready" && choices.length === 0 && (
          <EmptyState title="No recurring prices in Stripe" description="Your Stripe account has no active recurring prices. Create a plan here with New plan; it is created in Stripe too." />
        )}
        {listing.kind === "ready" && choices.length > 0 && (
          <>
            {available.length === 0 ? (
              <p role="status" className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700">
                Nothing new to import: every usable price in Stripe is a plan here already.
              </p>
            ) : (
              <label className="flex items-center gap-2 text-sm font-medium text-stone-700">
                <input type="checkbox" className="size-4 accent-brand-600" checked={allChosen} onChange={(e) => setChosen(e.target.checked ? new Set(available.map((c) => c.priceId)) : new Set())} />
                Select all {available.length} new
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
                          {choice.state === "imported" && <Badge tone="green">Imported</Badge>}
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
                Cancel
              </Button>
              <Button onClick={() => void submit()} pending={pending} disabled={chosen.size === 0}>
                {chosen.size === 0 ? "Choose prices to import" : `Import ${chosen.size} plan${chosen.size === 1 ? "" : "s"}`}
              </Button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
