"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { CardSetupCheckout } from "@/components/stripe/card-setup-checkout";
import { PaySubscriptionInvoice } from "@/components/stripe/pay-subscription-invoice";
import { completeReplaceCardAction, openReplaceCardAction, payMemberSubscriptionInvoiceAction, settleMemberSubscriptionInvoiceAction } from "./subscription-actions";

export function ReplaceCardButton({ stripeJsUrl, hasCard }: { stripeJsUrl: string | null; hasCard: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const openSession = useCallback(() => openReplaceCardAction({}), []);
  const complete = useCallback((sessionId: string) => completeReplaceCardAction({ sessionId }), []);
  const saved = useCallback(() => {
    toast({ tone: "success", title: "Card saved", description: "Your subscriptions are charged to this card from now on." });
    setOpen(false);
    router.refresh();
  }, [router, toast]);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="secondary" size="sm">
          {hasCard ? "Replace card" : "Add card"}
        </Button>
      }
      title={hasCard ? "Replace your card" : "Add a card"}
      description="You enter the card on Stripe's secure form; it becomes the card your subscriptions are charged to."
    >
      {open && <CardSetupCheckout stripeJsUrl={stripeJsUrl} open={openSession} complete={complete} onSaved={saved} startLabel="Enter card" />}
    </Dialog>
  );
}

export function PayRenewalButton({ invoiceId, amount, stripeJsUrl }: { invoiceId: string; amount: string; stripeJsUrl: string | null }) {
  const router = useRouter();
  const toast = useToast();
  const pay = useCallback(() => payMemberSubscriptionInvoiceAction({ invoiceId }), [invoiceId]);
  const settle = useCallback(() => settleMemberSubscriptionInvoiceAction({ invoiceId }), [invoiceId]);
  return (
    <PaySubscriptionInvoice
      stripeJsUrl={stripeJsUrl}
      label={`Pay ${amount}`}
      pay={pay}
      settle={settle}
      onPaid={() => {
        toast({ tone: "success", title: "Payment received", description: "Thank you! Your subscription is up to date." });
        router.refresh();
      }}
    />
  );
}
