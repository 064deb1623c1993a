"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { deactivateMember, reactivateMember } from "../actions";

export function MemberStatusButton({ id, name, active }: { id: string; name: string; active: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.members.member.statusButton");
  const run = async () => {
    const result = await (active ? deactivateMember : reactivateMember)({ id });
    if (!result.ok) {
      toast({ title: result.error, tone: "error" });
      return false;
    }
    toast({ title: active ? t("deactivated", { name }) : t("reactivated", { name }), tone: "success" });
    router.refresh();
    return true;
  };
  return active ? (
    <ConfirmDialog
      trigger={<Button variant="secondary">{t("deactivate")}</Button>}
      title={t("deactivateTitle", { name })}
      description={t("deactivateDescription")}
      confirmLabel={t("deactivate")}
      destructive
      onConfirm={run}
    />
  ) : (
    <ConfirmDialog
      trigger={<Button variant="secondary">{t("reactivate")}</Button>}
      title={t("reactivateTitle", { name })}
      description={t("reactivateDescription")}
      confirmLabel={t("reactivate")}
      onConfirm={run}
    />
  );
}
