"use client";
import { useState } from "react";
import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { sendMailAgainAction } from "./actions";

export function SendMailAgainButton({ jobId }: { jobId: string }) {
  const toast = useToast();
  const t = useTranslations("staff.dashboard.failedMails");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={async () => {
        setPending(true);
        const result = await sendMailAgainAction({ jobId });
        setPending(false);
        toast(result.ok ? { title: t("onItsWay"), tone: "success" } : { title: result.error, tone: "error" });
      }}
    >
      <RotateCw className="size-4" aria-hidden />
      {t("sendAgain")}
    </Button>
  );
}
