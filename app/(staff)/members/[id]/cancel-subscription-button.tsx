"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { cancelSubscriptionAction } from "./stripe-actions";

/** Cancel now, or at the end of the paid period (the default). */
export function CancelSubscriptionButton({ memberId, subscriptionId, planName, cancelAtPeriodEnd }: { memberId: string; subscriptionId: string; planName: string; cancelAtPeriodEnd: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.members.member.cancel");
  const [when, setWhen] = useState<"period_end" | "now">(cancelAtPeriodEnd ? "now" : "period_end");
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-red-700">
          {t("trigger")}
        </Button>
      }
      title={t("title", { plan: planName })}
      description={t("description")}
      confirmLabel={t("confirm")}
      destructive
      onConfirm={async () => {
        const result = await cancelSubscriptionAction({ memberId, subscriptionId, when });
        if (!result.ok) {
          toast({ tone: "error", title: result.error });
          return false;
        }
        toast({ tone: "success", title: when === "now" ? t("cancelled") : t("endsAtPeriodEnd") });
        router.refresh();
        return true;
      }}
    >
      <fieldset className="space-y-2 text-sm">
        <legend className="sr-only">{t("when")}</legend>
        {!cancelAtPeriodEnd && (
          <label className="flex items-center gap-2">
            <input type="radio" name="when" checked={when === "period_end"} onChange={() => setWhen("period_end")} />
            {t("atPeriodEnd")}
          </label>
        )}
        <label className="flex items-center gap-2">
          <input type="radio" name="when" checked={when === "now"} onChange={() => setWhen("now")} />
          {t("now")}
        </label>
      </fieldset>
    </ConfirmDialog>
  );
}
