"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { CreditCard } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { CardSetupCheckout } from "@/components/stripe/card-setup-checkout";
import { completeCardSetupAction, openCardSetupAction } from "./stripe-actions";

/** "Add card now": Stripe Checkout in setup mode in a dialog, with the member at the desk. */
export function AddCardDialog({ memberId, firstName, stripeJsUrl }: { memberId: string; firstName: string; stripeJsUrl: string | null }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const t = useTranslations("staff.members.member.addCard");
  const openSession = useCallback(() => openCardSetupAction({ memberId }), [memberId]);
  const complete = useCallback((sessionId: string) => completeCardSetupAction({ memberId, sessionId }), [memberId]);
  const saved = useCallback(() => {
    toast({ tone: "success", title: t("saved"), description: t("savedDescription", { firstName }) });
    setOpen(false);
    router.refresh();
  }, [firstName, router, toast, t]);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="sm">
          <CreditCard className="size-4" aria-hidden />
          {t("trigger")}
        </Button>
      }
      title={t("title")}
      description={t("description", { firstName })}
    >
      {open && <CardSetupCheckout stripeJsUrl={stripeJsUrl} open={openSession} complete={complete} onSaved={saved} startLabel={t("start")} />}
    </Dialog>
  );
}
