"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { reconcileStripe } from "./actions";

/** Fetches the last days' events from Stripe and applies any the webhook missed. */
export function ReconcileButton() {
  const toast = useToast();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const result = await reconcileStripe({ days: 3 });
        setBusy(false);
        if (!result.ok) return toast({ title: result.error, tone: "error" });
        const { checked, applied, failed, moneyDifferences } = result.data;
        const events = applied ? `${applied} missed event${applied === 1 ? "" : "s"} applied` : "Nothing was missed";
        const title = moneyDifferences ? `${moneyDifferences} money difference${moneyDifferences === 1 ? "" : "s"} to settle` : events;
        const money = moneyDifferences === null ? " The money check could not run." : moneyDifferences === 0 ? " Stripe and Tatami agree." : ` ${events}.`;
        toast({ title, description: `${checked} events of the last 3 days checked${failed ? `, ${failed} failed (see below)` : ""}.${money}`, tone: failed || moneyDifferences ? "error" : "success" });
        router.refresh();
      }}
    >
      {busy ? "Checking…" : "Check for missed events"}
    </Button>
  );
}
