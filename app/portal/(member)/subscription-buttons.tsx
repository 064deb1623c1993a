"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { CardSetupCheckout } from "@/components/stripe/card-setup-checkout";
import { PaySubscriptionInvoice } from "@/components/stripe/pay-subscription-invoice";
import { PauseControls } from "@/components/subscriptions/pause-controls";
import { completeReplaceCardAction, openReplaceCardAction, pauseMySubscriptionAction, payMemberSubscriptionInvoiceAction, resumeMySubscriptionAction, settleMemberSubscriptionInvoiceAction } from "./subscription-actions";

export function ReplaceCardButton({ stripeJsUrl, hasCard }: { stripeJsUrl: string | null; hasCard: boolean }) {
  const t = useTranslations("portal.subscriptions");
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const openSession = useCallback(() => openReplaceCardAction({}), []);
  const complete = useCallback((sessionId: string) => completeReplaceCardAction({ sessionId }), []);
  const saved = useCallback(() => {
    toast({ tone: "success", title: t("cardSaved"), description: t("cardSavedDescription") });
    setOpen(false);
    router.refresh();
  }, [router, toast, t]);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="secondary" size="sm">
          {hasCard ? t("replaceCard") : t("addCard")}
        </Button>
      }
      title={hasCard ? t("replaceTitle") : t("addTitle")}
      description={t("cardDialogDescription")}
    >
      {open && <CardSetupCheckout stripeJsUrl={stripeJsUrl} open={openSession} complete={complete} onSaved={saved} startLabel={t("enterCard")} />}
    </Dialog>
  );
}

export function PayRenewalButton({ invoiceId, amount, stripeJsUrl }: { invoiceId: string; amount: string; stripeJsUrl: string | null }) {
  const t = useTranslations("portal.subscriptions");
  const router = useRouter();
  const toast = useToast();
  const pay = useCallback(() => payMemberSubscriptionInvoiceAction({ invoiceId }), [invoiceId]);
  const settle = useCallback(() => settleMemberSubscriptionInvoiceAction({ invoiceId }), [invoiceId]);
  return (
    <PaySubscriptionInvoice
      stripeJsUrl={stripeJsUrl}
      label={t("pay", { amount })}
      pay={pay}
      settle={settle}
      onPaid={() => {
        toast({ tone: "success", title: t("renewalPaid"), description: t("renewalPaidDescription") });
        router.refresh();
      }}
    />
  );
}

/** The member pauses or resumes their own subscription (when the dojo allows it). */
export function MyPauseButtons(props: { subscriptionId: string; planName: string; paused: { resumesOn: string | null } | null; today: string }) {
  return <PauseControls {...props} pause={pauseMySubscriptionAction} resume={resumeMySubscriptionAction} />;
}
