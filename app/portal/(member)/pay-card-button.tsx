"use client";
import dynamic from "next/dynamic";
import { CreditCard } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useLazyDialog } from "@/components/ui/use-lazy-dialog";

interface PayCardButtonProps {
  invoice: { id: string; number: string | null; openMinor: number; currency: string };
  stripeJsUrl: string | null;
  size?: "sm" | "md";
  /** "Pay with credit card" unless said otherwise (next to the saved card: "Pay with another card"). */
  label?: string;
}

// The dialog, Radix and the Checkout hook are not first-load JavaScript of the members area: they load on the click.
const loadDialog = () => import("./pay-card-dialog");
const PayCardDialog = dynamic(() => loadDialog().then((m) => m.PayCardDialog), { ssr: false });

/** "Pay with credit card": Stripe Checkout in a dialog that fills a phone's screen. */
export function PayCardButton({ invoice, stripeJsUrl, size = "md", label }: PayCardButtonProps) {
  const t = useTranslations("portal.pay");
  const dialog = useLazyDialog(loadDialog);
  return (
    <>
      <Button size={size} {...dialog.trigger}>
        <CreditCard className="size-4" aria-hidden />
        {label ?? t("creditCard")}
      </Button>
      {dialog.loaded && <PayCardDialog invoice={invoice} stripeJsUrl={stripeJsUrl} open={dialog.open} onOpenChange={dialog.setOpen} returnFocusTo={dialog.returnFocusTo} />}
    </>
  );
}
