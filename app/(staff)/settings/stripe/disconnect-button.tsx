"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { disconnectStripeAccount } from "./actions";

export function DisconnectButton() {
  const t = useTranslations("staff.settings.stripe.disconnect");
  const toast = useToast();
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          {t("button")}
        </Button>
      }
      title={t("title")}
      description={t("description")}
      confirmLabel={t("confirm")}
      destructive
      onConfirm={async () => {
        const result = await disconnectStripeAccount({});
        toast(result.ok ? { title: t("done"), tone: "success" } : { title: result.error, tone: "error" });
        if (result.ok) router.refresh();
        return result.ok;
      }}
    />
  );
}
