"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { reconcileStripe } from "./actions";

/** Fetches the last days' events from Stripe and applies any the webhook missed. */
export function ReconcileButton() {
  const t = useTranslations("staff.settings.stripe.reconcile");
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
        const events = applied ? t("applied", { n: applied }) : t("nothingMissed");
        const title = moneyDifferences ? t("differences", { n: moneyDifferences }) : events;
        const money = moneyDifferences === null ? t("moneyCheckFailed") : moneyDifferences === 0 ? t("agree") : `${events}.`;
        const description = `${t("checked", { n: checked })}${failed ? t("failed", { n: failed }) : ""}. ${money}`;
        toast({ title, description, tone: failed || moneyDifferences ? "error" : "success" });
        router.refresh();
      }}
    >
      {busy ? t("checking") : t("button")}
    </Button>
  );
}
