"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { revokeStaffInvitation } from "./actions";

export function RevokeInvitationButton({ invitation }: { invitation: { id: string; name: string } }) {
  const t = useTranslations("staff.settings.staff.revoke");
  const toast = useToast();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          {t("button")}
        </Button>
      }
      title={t("title")}
      description={t("description", { name: invitation.name })}
      confirmLabel={t("confirm")}
      destructive
      onConfirm={async () => {
        const result = await revokeStaffInvitation({ invitationId: invitation.id });
        toast(result.ok ? { title: t("done"), tone: "success" } : { title: result.error, tone: "error" });
        return result.ok;
      }}
    />
  );
}
