"use client";
import dynamic from "next/dynamic";
import { CreditCard } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useLazyDialog } from "@/components/ui/use-lazy-dialog";

interface PaySavedCardButtonProps {
  invoice: { id: string; number: string | null; openMinor: number; currency: string };
  card: { brand: string; last4: string };
  stripeJsUrl: string | null;
}

// The confirmation (Radix AlertDialog) and the 3-D Secure challenge load on the click, not with the page.
const loadDialog = () => import("./pay-saved-card-dialog");
const PaySavedCardDialog = dynamic(() => loadDialog().then((m) => m.PaySavedCardDialog), { ssr: false });

/** "Pay with my saved card": one confirmation, then 3-D Secure on this page when the bank asks. */
export function PaySavedCardButton({ invoice, card, stripeJsUrl }: PaySavedCardButtonProps) {
  const t = useTranslations("portal.pay");
  const dialog = useLazyDialog(loadDialog);
  return (
    <>
      <Button variant="secondary" className="w-full sm:w-auto" {...dialog.trigger}>
        <CreditCard className="size-4" aria-hidden />
        {t("savedCard")}
      </Button>
      {dialog.loaded && <PaySavedCardDialog invoice={invoice} card={card} stripeJsUrl={stripeJsUrl} open={dialog.open} onOpenChange={dialog.setOpen} returnFocusTo={dialog.returnFocusTo} />}
    </>
  );
}
