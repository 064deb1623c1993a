"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ConnectForm } from "./connect-form";

export function ReplaceKeysDialog({ currency }: { currency: string }) {
  const t = useTranslations("staff.settings.stripe.replaceKeys");
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("title")}
      description={t("description")}
      trigger={
        <Button variant="secondary" size="sm">
          {t("button")}
        </Button>
      }
    >
      <ConnectForm defaultCurrency={currency} submitLabel={t("submit")} onDone={() => setOpen(false)} />
    </Dialog>
  );
}
