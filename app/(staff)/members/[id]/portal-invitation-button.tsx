"use client";
import { MailPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { sendPortalInvitationAction } from "./invitation-actions";

export function PortalInvitationButton({ id, name, email }: { id: string; name: string; email: string | null }) {
  const toast = useToast();
  const t = useTranslations("staff.members.member.invitation");
  const trigger = (
    <Button variant="secondary" disabled={!email} title={email ? undefined : t("needsEmail")}>
      <MailPlus className="size-4" aria-hidden />
      {t("send")}
    </Button>
  );
  if (!email) return trigger;
  return (
    <ConfirmDialog
      trigger={trigger}
      title={t("title")}
      description={t("description", { name, email })}
      confirmLabel={t("confirm")}
      onConfirm={async () => {
        const result = await sendPortalInvitationAction({ id });
        if (result.ok) toast({ title: t("sent", { email: result.data.email }), tone: "success" });
        else toast({ title: result.error, tone: "error" });
        return result.ok;
      }}
    />
  );
}
