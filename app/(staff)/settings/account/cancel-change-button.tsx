"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { cancelScheduledChangeAction } from "./actions";

export function CancelChangeButton({ planName }: { planName: string }) {
  const t = useTranslations("staff.settings.account.keep");
  const toast = useToast();
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          {t("button", { plan: planName })}
        </Button>
      }
      title={t("title", { plan: planName })}
      description={t("description", { plan: planName })}
      confirmLabel={t("button", { plan: planName })}
      onConfirm={async () => {
        const result = await cancelScheduledChangeAction({});
        toast(result.ok ? { title: t("done", { plan: planName }), tone: "success" } : { title: result.error, tone: "error" });
        if (result.ok) router.refresh();
        return result.ok;
      }}
    />
  );
}
